package org.inspectorate.organisation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's sign-in outcomes into audit events. */
@Component
class SignInAuditing {

    private final ApplicationEventPublisher events;

    SignInAuditing(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent e) {
        events.publishEvent(new SignInSucceeded(e.getAuthentication().getName()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent e) {
        events.publishEvent(new SignInFailed(String.valueOf(e.getAuthentication().getName()),
                e.getException().getClass().getSimpleName()));
    }

    record SignInSucceeded(String username) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "signin.succeeded";
        }
    }

    record SignInFailed(String username, String reason) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "signin.failed";
        }

        @Override
        public String detail() {
            return reason;
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILURE;
        }
    }
}
