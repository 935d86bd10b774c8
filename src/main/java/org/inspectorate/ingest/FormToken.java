package org.inspectorate.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The CSRF check of the streamed page upload ({@code POST /imports}). Spring Security's filter cannot check it
 * there: the token of a plain form is a part of the multipart body, which the filter may not parse (that
 * would buffer the report), so the page chain leaves this path to us and {@link ReportUpload} checks the
 * token here before it reads a byte of the file — from the header (htmx sends it) or from the {@code _csrf}
 * field, which the form puts before the file. The check is the filter's own: the session's token from the
 * token repository (the filter leaves it as a request attribute on every request, checked or not), the
 * request's value unmasked by the same handler as the filter's default, compared in constant time.
 */
final class FormToken {

    /** The filter's default handler (the page chain configures no other): values are masked per response. */
    private static final CsrfTokenRequestHandler HANDLER = new XorCsrfTokenRequestAttributeHandler();

    /** The token is missing or not this session's: the form expired (open too long, signed in again). */
    static final class Refused extends RuntimeException {
        Refused() {
            super("upload without this session's CSRF token");
        }
    }

    private final HttpServletRequest request;
    private boolean checked;

    FormToken(HttpServletRequest request) {
        this.request = request;
    }

    /** Whether the request carries the token in its header: then it is checked at once. */
    boolean inHeader() {
        CsrfToken expected = expected();
        return expected != null && request.getHeader(expected.getHeaderName()) != null;
    }

    /** Checks the token from the header or, when there is none, the form's field value; refuses if wrong. */
    void check(String formValue) {
        CsrfToken expected = expected();
        if (expected == null) {
            throw new Refused();
        }
        String actual = HANDLER.resolveCsrfTokenValue(new FieldOnly(request, expected.getParameterName(), formValue),
                expected);
        if (actual == null || !MessageDigest.isEqual(expected.getToken().getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused();
        }
        checked = true;
    }

    boolean checked() {
        return checked;
    }

    private CsrfToken expected() {
        return request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred
                ? deferred.get() : null;
    }

    /** The request as the handler reads it: its headers, and the token parameter only from the form's field. */
    private static final class FieldOnly extends HttpServletRequestWrapper {
        private final String name;
        private final String value;

        FieldOnly(HttpServletRequest request, String name, String value) {
            super(request);
            this.name = name;
            this.value = value;
        }

        @Override
        public String getParameter(String parameter) {
            // never a token from the query string: a token in a URL leaks into logs and Referer headers
            return name.equals(parameter) ? value : null;
        }
    }
}
