package org.inspectorate.organisation;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.organisation.SignInPolicy.Stage;
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

    private final SignInService signIn;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    SignInFlow(SignInService signIn) {
        this.signIn = signIn;
    }

    SecurityContextRepository securityContextRepository() {
        return contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        Stage next = signIn.passwordAccepted(principal.actor().userId());
        response.sendRedirect(request.getContextPath() + moveTo(next, principal, request, response));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // Only a wrong password counts; a locked or disabled account is refused without extending the lock.
        // Every failure shows the same message: the page never tells whether the account exists or is locked.
        if (exception instanceof BadCredentialsException) {
            signIn.passwordFailed(request.getParameter("username"));
        }
        response.sendRedirect(request.getContextPath() + FAILURE_URL);
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
        return pageOf(stage);
    }

    /** Ends the session (the account got locked mid-way); returns the sign-in page with its generic failure. */
    String signOutLocked(HttpServletRequest request, HttpServletResponse response) {
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
