package org.inspectorate.organisation;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in ({@code POST /login}) that must still wait ({@link SignInThrottling}) before its
 * password is even checked, answering the sign-in page with "try again in N seconds" — the same for a name that
 * stands for no account. Runs in the pages' filter chain before the form sign-in; not a bean, so that it runs
 * only there.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottling throttling;

    SignInThrottleFilter(SignInThrottling throttling) {
        this.throttling = throttling;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<java.time.Duration> wait = throttling.check(SignInFlow.attempt(request));
        if (wait.isPresent()) {
            response.sendRedirect(request.getContextPath() + SignInFlow.FAILURE_URL + "&" + SignInFlow.WAIT_PARAMETER
                    + "=" + SignInThrottle.seconds(wait.get()));
            return;
        }
        chain.doFilter(request, response);
    }
}
