package org.inspectorate.organisation;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's web sessions when its rights change, so that no session outlives them: disabling the
 * account, changing its roles (the new roles then hold from the next request, after signing in again) and an
 * administrator's second-factor reset end every session of it; the user's own password change ends every
 * other session and keeps the one it was made in.
 *
 * <p>The listeners are plain {@link EventListener}s, in the transaction of the change: the sessions end
 * atomically with it (a change that rolls back ends nothing), and no request can slip in between the commit
 * and the sessions' end. Sessions are found by Spring Session JDBC's principal index ({@code PRINCIPAL_NAME},
 * the index behind {@code FindByIndexNameSessionRepository}); their attributes go by the foreign key's
 * cascade. API tokens are refused on their own (a disabled account's tokens no longer authenticate).
 */
@Component
class SessionTermination {

    private final JdbcClient jdbc;

    SessionTermination(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UserEnabledChanged changed) {
        if (!changed.enabled()) {
            endAll(changed.username());
        }
    }

    @EventListener
    void on(UserRolesChanged changed) {
        endAll(changed.username());
    }

    @EventListener
    void on(AccountSecurityEvent.PasswordChanged changed) {
        String current = currentSessionId();
        if (current == null) {
            endAll(changed.username());
        } else {
            jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u AND SESSION_ID <> :current")
                    .param("u", changed.username()).param("current", current).update();
        }
    }

    /** Ends every session of the account; returns how many ended. */
    int endAll(String username) {
        return jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u").param("u", username).update();
    }

    /** The session of the request being served, if any (a password change is made in one). */
    private static String currentSessionId() {
        // Never getSessionId(): it would create a session where there is none.
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
