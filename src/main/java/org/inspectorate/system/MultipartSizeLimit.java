package org.inspectorate.system;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * A file upload from a page that is larger than {@code spring.servlet.multipart.max-request-size} (or has one
 * file over {@code max-file-size}) gets our own 413 page in the user's language, and nothing behind it runs.
 *
 * <p>Why a filter, early: the CSRF check of the page chain reads the {@code _csrf} parameter, which makes the
 * server parse the multipart body; parsing fails on the size, before Spring MVC could handle it, and the
 * error dispatch fails the same way again — the user saw the servlet container's bare English page. So this
 * filter runs after the session filter and before Spring Security: a declared {@code Content-Length} over the
 * limit is refused without reading the body; otherwise (e.g. a chunked body) the body is parsed here, once,
 * and a size failure is refused the same way (a body that does not parse at all gets 400 and our error page).
 * The refusal forwards, as a plain GET without the body, to
 * {@link UploadLimitPages}, so the page is rendered with the user's session, language and headers.
 * The REST API keeps its problem+json answers ({@link UploadLimitHandler}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100) // after Spring Session's filter (+50), well before Spring Security (-100)
class MultipartSizeLimit extends OncePerRequestFilter {

    private final long maxRequestSize;
    private final StandardServletMultipartResolver parser = new StandardServletMultipartResolver();

    private final StreamedUploads streamedUploads;

    MultipartSizeLimit(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
            StreamedUploads streamedUploads) {
        this.maxRequestSize = maxRequestSize.toBytes();
        this.streamedUploads = streamedUploads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The API answers problem+json itself; the streamed upload paths (report imports) have their own, larger
        // limit and must not have their bodies parsed here before the controller streams them.
        return !isMultipart(request) || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || streamedUploads.streamed(request);
    }

    static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestSize) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, UploadLimitPages.PATH);
            return;
        }
        try {
            parser.resolveMultipart(request);
        } catch (MaxUploadSizeExceededException e) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, UploadLimitPages.PATH);
            return;
        } catch (MultipartException e) {
            // A body that is not multipart as declared would fail the same way in the CSRF check: 400, our page.
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, UploadLimitPages.UNREADABLE_PATH);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String page)
            throws ServletException, IOException {
        response.setStatus(status);
        request.getRequestDispatcher(page).forward(new WithoutBody(request), response);
    }

    /** The refused request as a GET without body or parameters, so nothing downstream reads the upload. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return isBodyHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(WithoutBody::isBodyHeader);
            return Collections.enumeration(names);
        }

        private static boolean isBodyHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    || HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            throw new IOException("the body of a refused upload is not read");
        }
    }
}
