package org.inspectorate.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets a few upload paths ({@link StreamedUploadPath}) read their multipart bodies as streams with their own,
 * larger limit, while every other path keeps the global multipart limits. For those paths the multipart
 * resolver stands aside, and request parameters come from the query string only: nothing (a filter asking
 * for {@code _csrf}, an interceptor asking for {@code lang}) can make the container parse — and buffer —
 * the body before the controller streams it. Forms posting there send the CSRF token in the header.
 */
@Configuration(proxyBeanMethods = false)
class StreamedUploads {

    private final List<String> paths;

    StreamedUploads(ObjectProvider<StreamedUploadPath> paths) {
        this.paths = paths.orderedStream().map(StreamedUploadPath::path).toList();
    }

    boolean streamed(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && paths.contains(uri);
    }

    @Bean(name = "multipartResolver")
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return !streamed(request) && super.isMultipart(request);
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> streamedUploadFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        chain.doFilter(streamed(request) ? new QueryParametersOnly(request) : request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class QueryParametersOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        QueryParametersOnly(HttpServletRequest request) {
            super(request);
            Map<String, String[]> map = new LinkedHashMap<>();
            String query = request.getQueryString();
            if (query != null) {
                UriComponentsBuilder.newInstance().query(query).build(false).getQueryParams()
                        .forEach((name, values) -> map.put(decode(name),
                                values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
            }
            this.parameters = Collections.unmodifiableMap(map);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
