package org.inspectorate.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock an account (登录限速): failures are counted per key by
 * {@link SignInThrottle}, in the database so that every node sees them:
 * <ul>
 * <li>an attempt from a browser that signed in to the account before (its {@value #KNOWN_SOURCE_COOKIE} cookie is
 * recorded for the account) is throttled only by that browser's own failures;</li>
 * <li>any other attempt by the account's name (an unknown name just the same, so nothing tells which names
 * exist) and by its source address, each counted apart; an address has more free failures than an account name
 * ({@code inspectorate.security.throttle.source-free-failures}), as many honest users may share it.</li>
 * </ul>
 * The second factor and the password change of a signed-in user have their own key per account. API tokens are
 * other credentials: nothing here touches them. The owner sees every failure on their account with its source
 * (on their account page, announced at their next sign-in), and each throttle is audited.
 */
@Service
class SignInThrottling {

    /** The cookie of a browser that completed a password sign-in; its value is random, stored hashed. */
    static final String KNOWN_SOURCE_COOKIE = "INSPECTORATE_KNOWN";
    private static final int MAX_NAME = 64;
    private static final String SOURCE = "source:";
    private static final int TOKEN_BYTES = 32;

    private final SignInThrottleRepository throttles;
    private final SignInNames names;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final SignInThrottle sourceThrottle;
    private final SecureRandom random = new SecureRandom();

    SignInThrottling(SignInThrottleRepository throttles, SignInNames names, UserAccountRepository users,
            ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.security.throttle.free-failures:5}") int freeFailures,
            @Value("${inspectorate.security.throttle.source-free-failures:100}") int sourceFreeFailures,
            @Value("${inspectorate.security.throttle.first-delay:1s}") Duration firstDelay,
            @Value("${inspectorate.security.throttle.max-delay:15m}") Duration maxDelay,
            @Value("${inspectorate.security.throttle.forget-after:1d}") Duration forgetAfter) {
        this.throttles = throttles;
        this.names = names;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.throttle = new SignInThrottle(freeFailures, firstDelay, maxDelay, forgetAfter);
        // one address may be shared by many honest users (an office's NAT): it gets more free failures a day
        this.sourceThrottle = new SignInThrottle(sourceFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    /** A password sign-in attempt: the name typed, the source address, and the known-source cookie if any. */
    record Attempt(String typed, String source, String knownSource) {
    }

    /** The account a name stands for, and the keys an attempt by that name from that source counts on. */
    private record Target(String name, Long userId, List<String> keys) {
    }

    /** How long the attempt must still wait; when it must, the refusal is audited and shown to the owner. */
    @Transactional
    public Optional<Duration> check(Attempt attempt) {
        Instant now = clock.instant();
        Target target = target(attempt);
        Optional<Duration> wait = longestWait(target.keys(), now);
        wait.ifPresent(w -> {
            if (target.userId() != null) {
                throttles.recordAccountFailure(target.userId(), source(attempt), true, now);
            }
            events.publishEvent(new AccountSecurityEvent.Throttled(target.name(), source(attempt),
                    SignInThrottle.seconds(w), "attempt refused"));
        });
        return wait;
    }

    /**
     * A wrong password (or a name that stands for no account): one more failure on each key of the attempt; returns
     * how long the next attempt must wait, if it must.
     */
    @Transactional
    public Optional<Duration> failed(Attempt attempt) {
        Instant now = clock.instant();
        Target target = target(attempt);
        Duration delay = Duration.ZERO;
        int failures = 0;
        for (String key : target.keys()) {
            SignInThrottle.State state = throttles.recordFailure(key,
                    key.startsWith(SOURCE) ? sourceThrottle : throttle, now);
            if (state.nextAttemptAt() != null && Duration.between(now, state.nextAttemptAt()).compareTo(delay) > 0) {
                delay = Duration.between(now, state.nextAttemptAt());
                failures = state.failures();
            }
        }
        if (target.userId() != null) {
            throttles.recordAccountFailure(target.userId(), source(attempt), false, now); // a wrong password
        }
        if (!delay.isZero()) {
            events.publishEvent(new AccountSecurityEvent.Throttled(target.name(), source(attempt),
                    SignInThrottle.seconds(delay), failures + " failures in a row"));
        }
        throttles.forgetOlderThan(now.minus(throttle.forgetAfter()));
        return delay.isZero() ? Optional.empty() : Optional.of(delay);
    }

    /**
     * The password was right: the account's and this browser's keys start afresh (not the source address's: a
     * right password for one account says nothing of the guesses at others), and the browser becomes a known
     * source of the account. Returns the new cookie value to set, or empty when the browser keeps its own.
     */
    @Transactional
    public Optional<String> succeeded(long userId, String username, String knownSource) {
        Instant now = clock.instant();
        throttles.clear(accountKey(username));
        boolean keep = wellFormed(knownSource);
        String token = keep ? knownSource : newToken();
        throttles.rememberSource(userId, hash(token), now);
        throttles.clear(knownKey(userId, hash(token)));
        return keep ? Optional.empty() : Optional.of(token);
    }

    /** A step of a user past the password, with a key of its own per account. */
    enum Step {
        /** The TOTP or recovery code: only someone who knew the password can slow it down. */
        SECOND_FACTOR("mfa:", "second factor"),
        /** The current password on the change form of a signed-in user (a left-open session). */
        PASSWORD_CHANGE("change:", "password change");

        private final String prefix;
        private final String label;

        Step(String prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        String key(long userId) {
            return prefix + userId;
        }
    }

    /** How long the account's {@code step} must still wait after failures. */
    @Transactional(readOnly = true)
    public Optional<Duration> wait(Step step, long userId) {
        return longestWait(List.of(step.key(userId)), clock.instant());
    }

    /**
     * A failure of the account's {@code step}: counted on its key; audited when the next one must wait. Returns
     * that wait, from the count itself (a transaction that read the key before, under repeatable read, would not
     * see the new count).
     */
    @Transactional
    public Optional<Duration> failed(Step step, long userId, String username) {
        Instant now = clock.instant();
        SignInThrottle.State state = throttles.recordFailure(step.key(userId), throttle, now);
        if (state.nextAttemptAt() == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, state.nextAttemptAt());
        events.publishEvent(new AccountSecurityEvent.Throttled(username, "-", SignInThrottle.seconds(wait),
                state.failures() + " " + step.label + " failures in a row"));
        return Optional.of(wait);
    }

    /** The account's {@code step} succeeded: its count starts afresh. */
    @Transactional
    public void accepted(Step step, long userId) {
        throttles.clear(step.key(userId));
    }

    /** The account's latest failed attempts, newest first; {@code seen} marks them seen (the notice ends). */
    @Transactional
    public List<SignInThrottleRepository.Failure> recentFailures(long userId, boolean seen) {
        List<SignInThrottleRepository.Failure> failures = throttles.recentFailures(userId, 20);
        if (seen) {
            throttles.markFailuresSeen(userId);
        }
        return failures;
    }

    /** How many failed attempts the owner has not seen yet. */
    @Transactional(readOnly = true)
    public long unseenFailures(long userId) {
        return throttles.unseenFailures(userId);
    }

    private Optional<Duration> longestWait(List<String> keys, Instant now) {
        Optional<Duration> longest = Optional.empty();
        for (String key : keys) {
            Optional<Duration> wait = throttle.wait(throttles.find(key).orElse(null), now);
            if (wait.isPresent() && (longest.isEmpty() || wait.get().compareTo(longest.get()) > 0)) {
                longest = wait;
            }
        }
        return longest;
    }

    private Target target(Attempt attempt) {
        Optional<String> username = names.resolve(attempt.typed());
        Long userId = username.flatMap(users::findByUsername).map(UserAccountRepository.Credentials::id).orElse(null);
        String name = username.orElseGet(() -> typedName(attempt.typed()));
        List<String> keys = new ArrayList<>(2);
        if (userId != null && wellFormed(attempt.knownSource())
                && throttles.knownSource(userId, hash(attempt.knownSource()))) {
            keys.add(knownKey(userId, hash(attempt.knownSource())));
        } else {
            keys.add(accountKey(name));
            keys.add(SOURCE + source(attempt));
        }
        return new Target(name, userId, keys);
    }

    private static String typedName(String typed) {
        String name = typed == null ? "" : typed.strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String accountKey(String name) {
        return "account:" + name.toLowerCase(Locale.ROOT);
    }

    private static String knownKey(long userId, String tokenHash) {
        return "known:" + userId + ":" + tokenHash;
    }

    private static String source(Attempt attempt) {
        String source = attempt.source() == null || attempt.source().isBlank() ? "-" : attempt.source().strip();
        return source.length() > MAX_NAME ? source.substring(0, MAX_NAME) : source;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A cookie value we could have issued: 43 URL-safe Base64 characters; anything else is ignored. */
    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
