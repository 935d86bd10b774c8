package org.inspectorate.organisation;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.inspectorate.organisation.ApiTokenRepository.ApiToken;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's personal API tokens: create (shown once), list, revoke; and authenticating a request by one. */
@Service
class ApiTokens {

    private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);
    private static final String INVALID = "apitoken.problem.invalid";

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AccountUserDetailsService principals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultValidityDays;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AccountUserDetailsService principals,
            ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.security.api-token.default-validity:90d}") Duration defaultValidity) {
        this.tokens = tokens;
        this.users = users;
        this.principals = principals;
        this.events = events;
        this.clock = clock;
        this.defaultValidityDays = (int) Math.min(defaultValidity.toDays(), ApiTokenPolicy.MAX_VALIDITY_DAYS);
    }

    int defaultValidityDays() {
        return defaultValidityDays;
    }

    /** The form: a name and a validity in days (the default when {@code null}). */
    record NewToken(String name, Integer validityDays) {
    }

    /** A token just created: the only time its value is known. */
    record CreatedToken(long id, String name, String value, Instant expiresAt) implements Serializable {
    }

    @Transactional
    public CreatedToken create(Actor actor, NewToken form) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > ApiTokenPolicy.MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("name", "apitoken.name.invalid", ApiTokenPolicy.MAX_NAME_LENGTH));
        }
        int days = form.validityDays() == null ? defaultValidityDays : form.validityDays();
        if (!ApiTokenPolicy.validityAllowed(days)) {
            problems.add(new FieldProblem("validityDays", "apitoken.validity.invalid",
                    ApiTokenPolicy.MAX_VALIDITY_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(days, ChronoUnit.DAYS);
        String value = ApiTokenPolicy.newToken(random);
        long id = tokens.insert(actor.userId(), name, ApiTokenPolicy.shownPrefix(value), ApiTokenPolicy.hash(value),
                now, expires);
        events.publishEvent(new AccountSecurityEvent.TokenCreated(actor.username(), id,
                name + " (" + ApiTokenPolicy.shownPrefix(value) + "…, " + days + "d)"));
        return new CreatedToken(id, name, value, expires);
    }

    /** A token as its owner's list shows it, with its state now: {@code active}, {@code expired} or {@code revoked}. */
    record TokenView(ApiToken token, String status) {
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(Actor actor) {
        Instant now = clock.instant();
        return tokens.ofUser(actor.userId()).stream()
                .map(t -> new TokenView(t, t.revokedAt() != null ? "revoked" : t.expiredAt(now) ? "expired" : "active"))
                .toList();
    }

    /** Revokes one of the actor's own tokens; another user's token is not found. */
    @Transactional
    public void revoke(Actor actor, long id) {
        ApiToken token = tokens.find(actor.userId(), id).orElseThrow(() -> new NotFoundException("apitoken", id));
        if (!tokens.revoke(actor.userId(), id, clock.instant())) {
            throw new ConflictException("apitoken.alreadyRevoked", token.name());
        }
        events.publishEvent(new AccountSecurityEvent.TokenRevoked(actor.username(), id, token.name()));
    }

    /**
     * What a bearer token is worth now: the account it stands for, with all its roles; or the message key of why
     * it is refused.
     */
    record TokenCheck(Optional<AccountPrincipal> principal, String refusal) {

        static TokenCheck accepted(AccountPrincipal principal) {
            return new TokenCheck(Optional.of(principal), null);
        }

        static TokenCheck refused(String refusal) {
            return new TokenCheck(Optional.empty(), refusal);
        }
    }

    /**
     * Checks a bearer token: it must be well formed, known, not expired and not revoked ({@code apitoken.problem.invalid}
     * otherwise, telling nothing more about a token that may be guessed); and its account must be enabled and not
     * waiting for a password change, checked on every request, so that a token never outlives what the account's
     * administrators decided since it was made (each refusal says which). Failed sign-ins never stop a token: it is
     * a credential of its own, and sign-in failures only slow down sign-ins ({@link SignInThrottling}).
     */
    @Transactional
    public TokenCheck authenticate(String value) {
        if (!ApiTokenPolicy.wellFormed(value)) {
            return TokenCheck.refused(INVALID);
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByHash(ApiTokenPolicy.hash(value)).filter(t -> t.usableAt(now));
        Optional<UserAccountRepository.Credentials> account = token.flatMap(t -> users.findById(t.userId()));
        if (account.isEmpty()) {
            return TokenCheck.refused(INVALID);
        }
        AccountPrincipal principal = principals.principal(account.get());
        if (!principal.isEnabled()) {
            return TokenCheck.refused("apitoken.problem.accountDisabled");
        }
        if (account.get().mustChangePassword()) {
            return TokenCheck.refused("apitoken.problem.passwordChangeRequired");
        }
        tokens.touch(token.get().id(), now, now.minus(TOUCH_RESOLUTION));
        return TokenCheck.accepted(principal);
    }
}
