package org.inspectorate.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id before anything else runs (security included, so a refused sign-in is logged under
 * it too): in the log's MDC, as a request attribute for the error pages, and in the response header. The error and
 * async dispatches of the same request find the attribute and log under the same id.
 */
class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object known = request.getAttribute(RequestIds.KEY);
        String id = known instanceof String s ? s : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.KEY, id);
        if (!response.containsHeader(RequestIds.HEADER)) {
            response.setHeader(RequestIds.HEADER, id);
        }
        MDC.put(RequestIds.KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
