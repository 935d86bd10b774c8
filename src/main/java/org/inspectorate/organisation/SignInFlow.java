package org.inspectorate.organisation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Moves a browser user through the sign-in stages (password → TOTP → forced password change → signed in).
 * Until the last stage the session holds only the stage's authority ({@code MFA_PENDING} or
 * {@code PASSWORD_CHANGE_REQUIRED}) and no role, so every other page is refused and the user is sent back
 * to the page of their stage. Each step changes the session id.
 */
@Component
class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler, AccessDeniedHandler {

    static final String FAILURE_URL = "/login?error";
    /** The sign-in page's parameter for "try again in N seconds". */
    static final String WAIT_PARAMETER = "wait";
    /** Where a user lands whose account had failed sign-in attempts they have not seen. */
    static final String ACCOUNT_NOTICE_URL = "/account?failedAttempts";

    private final SignInService signIn;
    private final SignInThrottling throttling;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    SignInFlow(SignInService signIn, SignInThrottling throttling) {
        this.signIn = signIn;
        this.throttling = throttling;
    }

    SecurityContextRepository securityContextRepository() {
        return contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        throttling.succeeded(principal.actor().userId(), principal.actor().username(), knownSource(request))
                .ifPresent(token -> rememberSource(token, request, response));
        Stage next = signIn.passwordAccepted(principal.actor().userId());
        response.sendRedirect(request.getContextPath() + moveTo(next, principal, request, response));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // Only a wrong password (or an unknown name, which Spring Security reports alike) counts; a disabled account
        // is refused without counting. Every failure shows the same message, and an unknown name is slowed down
        // exactly as a known one: the page never tells whether the account exists.
        String target = FAILURE_URL;
        if (exception instanceof BadCredentialsException) {
            Optional<Duration> wait = throttling.failed(attempt(request));
            if (wait.isPresent()) {
                target = FAILURE_URL + "&" + WAIT_PARAMETER + "=" + SignInThrottle.seconds(wait.get());
            }
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    /** The sign-in attempt of this request: the typed name, the source address and the known-source cookie. */
    static SignInThrottling.Attempt attempt(HttpServletRequest request) {
        return new SignInThrottling.Attempt(request.getParameter("username"), request.getRemoteAddr(),
                knownSource(request));
    }

    private static String knownSource(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SignInThrottling.KNOWN_SOURCE_COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** Marks this browser as a known source of sign-ins: sent back only with the sign-in form, never to script. */
    private static void rememberSource(String token, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SignInThrottling.KNOWN_SOURCE_COOKIE, token)
                .path(request.getContextPath() + "/login").httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(Duration.ofDays(365)).build().toString());
    }

    /** Puts the authentication of {@code stage} in place, on a new session id; returns the stage's page. */
    String moveTo(Stage stage, AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        List<? extends GrantedAuthority> authorities = stage == Stage.COMPLETE
                ? List.copyOf(principal.getAuthorities())
                : List.of(new SimpleGrantedAuthority(stage.authority()));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        holder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
        if (stage == Stage.COMPLETE && throttling.unseenFailures(principal.actor().userId()) > 0) {
            return ACCOUNT_NOTICE_URL; // failed attempts on the account since the owner last looked: tell them first
        }
        return pageOf(stage);
    }

    /** Ends the session (too many wrong codes: the next must wait); returns the sign-in page with its failure. */
    String signOutThrottled(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, holder.getContext().getAuthentication());
        return FAILURE_URL;
    }

    /** A partly signed-in user asking for any other page is sent to their stage's page. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Stage stage = stageOf(holder.getContext().getAuthentication());
        if (stage == Stage.COMPLETE) {
            forbidden.handle(request, response, denied);
        } else {
            response.sendRedirect(request.getContextPath() + pageOf(stage));
        }
    }

    static String pageOf(Stage stage) {
        if (stage == Stage.MFA_PENDING) {
            return "/mfa";
        }
        if (stage == Stage.PASSWORD_CHANGE_REQUIRED) {
            return "/account/password";
        }
        return "/";
    }

    static Stage stageOf(Authentication authentication) {
        if (authentication != null) {
            for (GrantedAuthority a : authentication.getAuthorities()) {
                for (Stage s : Stage.values()) {
                    if (s != Stage.COMPLETE && s.authority().equals(a.getAuthority())) {
                        return s;
                    }
                }
            }
        }
        return Stage.COMPLETE;
    }

    /** The account being signed in (at any stage) of the current request. */
    static AccountPrincipal currentPrincipal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            return principal;
        }
        throw new InsufficientAuthenticationException("not signed in");
    }
}
