package org.inspectorate.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the page chain keeps its CSRF token: in the session once there is one (signed in, or on the way),
 * and in a cookie before that, so that an anonymous visitor — the sign-in page, a protected page that
 * sends them there — never makes the server create a session. A session row per anonymous request would let
 * anyone grow the session table; the token of the sign-in form still protects against login CSRF.
 *
 * <p>The cookie is HttpOnly and same-site strict: the pages render the token into their forms and their
 * {@code meta} tag, so no script needs to read the cookie. Signing in clears the cookie's token (Spring's
 * CSRF authentication strategy saves {@code null}) and the next token is made in the new session.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "INSPECTORATE_XSRF";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokens() {
        cookie.setCookieName(COOKIE);
        cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            // Signing in or out: neither store may keep the old token.
            session.saveToken(null, request, response);
            cookie.saveToken(null, request, response);
        } else if (hasSession(request)) {
            session.saveToken(token, request, response);
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken kept = hasSession(request) ? session.loadToken(request) : null;
        return kept != null ? kept : cookie.loadToken(request);
    }

    private static boolean hasSession(HttpServletRequest request) {
        return request.getSession(false) != null;
    }
}
