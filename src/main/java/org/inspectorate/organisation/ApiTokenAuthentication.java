package org.inspectorate.organisation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.system.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's authentication: {@code Authorization: Bearer <personal API token>}. A request without the
 * header goes on anonymous (and is refused by the entry point if the resource needs a user); a malformed
 * header, or a token that is unknown, expired, revoked, or whose account is disabled, locked or must change its
 * password, is answered at once with 401, {@code application/problem+json} (its detail saying which) and
 * {@code WWW-Authenticate: Bearer}.
 * Not a bean, so that it runs only in the API filter chain.
 */
class ApiTokenAuthentication extends OncePerRequestFilter implements AuthenticationEntryPoint {

    private static final String BEARER = "Bearer ";
    private static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ApiTokens tokens;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiTokenAuthentication(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(request, response, "apitoken.problem.malformed", "invalid_request");
            return;
        }
        ApiTokens.TokenCheck check = tokens.authenticate(header.substring(BEARER.length()).strip());
        Optional<AccountPrincipal> principal = check.principal();
        if (principal.isEmpty()) {
            unauthorized(request, response, check.refusal(), "invalid_token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** No token at all on a resource that needs one. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, "apitoken.problem.missing", null);
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detailKey,
            String error) throws IOException {
        // Before the dispatcher there is no resolved locale: an API client says its language in Accept-Language.
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? DEFAULT_LOCALE : request.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("apitoken.problem.title", null, locale));
        problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
        problem.put("detail", messages.getMessage(detailKey, null, locale));
        problem.put("instance", request.getRequestURI());
        RequestIds.current().ifPresent(id -> problem.put(RequestIds.KEY, id));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                error == null ? "Bearer realm=\"inspectorate\"" : "Bearer realm=\"inspectorate\", error=\"" + error + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
