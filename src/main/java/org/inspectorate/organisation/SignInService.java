package org.inspectorate.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.DemoMode;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account side of signing in: counting failures and locking, the second factor (enrolment and
 * codes), and changing one's password. Every rule comes from {@link SignInPolicy}, {@link PasswordPolicy}
 * and {@link TotpCodes}; the web layer only moves the user from one {@link Stage} to the next.
 */
@Service
class SignInService {

    private final UserAccountRepository users;
    private final SignInRepository signIns;
    private final Passwords passwords;
    private final DemoMode demoMode;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignInNames names;
    private final SignInPolicy.Lockout lockout;
    private final String issuer;
    private final TotpCodes totp = new TotpCodes();

    SignInService(UserAccountRepository users, SignInRepository signIns, SignInNames names, Passwords passwords,
            DemoMode demoMode, ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.security.lockout.max-failures:5}") int maxFailures,
            @Value("${inspectorate.security.lockout.duration:15m}") Duration lockDuration,
            @Value("${inspectorate.security.totp.issuer:Inspectorate}") String issuer) {
        this.users = users;
        this.signIns = signIns;
        this.names = names;
        this.passwords = passwords;
        this.demoMode = demoMode;
        this.events = events;
        this.clock = clock;
        this.lockout = new SignInPolicy.Lockout(maxFailures, lockDuration);
        this.issuer = issuer;
    }

    /** A wrong password for the account {@code typed} names (see {@link SignInNames}): one more failure, and the lock when it is the last allowed. */
    @Transactional
    public void passwordFailed(String typed) {
        // a licence number counts against the account it stands for, as a username does
        String username = names.resolve(typed).orElse(null);
        if (username != null && signIns.countFailure(username)
                && signIns.lockIfReached(username, lockout.maxFailures(), lockout.lockedUntil(clock.instant()))) {
            events.publishEvent(AccountSecurityEvent.locked(username, "password"));
        }
    }

    /** The password was right: the stage the user goes to. Reaching past the second factor resets the count. */
    @Transactional
    public Stage passwordAccepted(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        Stage next = SignInPolicy.afterPassword(c.roles(), c.mfaEnrolled(), c.mustChangePassword());
        if (next != Stage.MFA_PENDING) {
            users.recordSignIn(userId, clock.instant());
        }
        return next;
    }

    @Transactional(readOnly = true)
    public UserAccountRepository.Credentials credentials(long userId) {
        return users.findById(userId).orElseThrow(() -> new IllegalStateException("account vanished: " + userId));
    }

    @Transactional(readOnly = true)
    public boolean mayskipEnrolment(long userId) {
        return SignInPolicy.mayskipEnrolment(demoMode.enabled(), credentials(userId).mfaEnrolled());
    }

    /** The secret to enrol and its QR code; the same secret until enrolment is confirmed. */
    @Transactional
    public Enrolment enrolment(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (c.mfaEnrolled()) {
            throw new ConflictException("mfa.alreadyEnrolled");
        }
        String secret = c.totpSecret();
        if (secret == null) {
            secret = TotpCodes.newSecret();
            signIns.storePendingSecret(userId, secret);
        }
        return new Enrolment(secret, TotpCodes.qrCodeDataUri(secret, c.username(), issuer));
    }

    /** The secret being enrolled, shown as text and as a QR code for the authenticator app. */
    record Enrolment(String secret, String qrCodeDataUri) {
    }

    /** What came of a TOTP code: the next stage when accepted, or why not. */
    record MfaOutcome(Result result, Stage next) {

        enum Result { ACCEPTED, WRONG_CODE, LOCKED }

        boolean accepted() {
            return result == Result.ACCEPTED;
        }
    }

    /** Confirms enrolment with a first code from the app. A wrong code counts as a failed sign-in. */
    @Transactional
    public MfaOutcome confirmEnrolment(long userId, String code) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (c.mfaEnrolled()) {
            throw new ConflictException("mfa.alreadyEnrolled");
        }
        MfaOutcome outcome = checkCode(c, code);
        if (outcome.accepted()) {
            signIns.markEnrolled(userId);
            events.publishEvent(AccountSecurityEvent.mfaEnrolled(c.username()));
        }
        return outcome;
    }

    /** The code of an enrolled account at sign-in. A wrong code counts as a failed sign-in. */
    @Transactional
    public MfaOutcome verify(long userId, String code) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (!c.mfaEnrolled()) {
            throw new ConflictException("mfa.notEnrolled");
        }
        MfaOutcome outcome = checkCode(c, code);
        if (outcome.accepted()) {
            events.publishEvent(AccountSecurityEvent.mfaVerified(c.username()));
        }
        return outcome;
    }

    /** Demo mode only: goes on without enrolling. Anywhere else it is refused. */
    @Transactional
    public Stage skipEnrolment(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (!SignInPolicy.mayskipEnrolment(demoMode.enabled(), c.mfaEnrolled())) {
            throw new ConflictException("mfa.skipNotAllowed");
        }
        events.publishEvent(AccountSecurityEvent.mfaSkipped(c.username()));
        users.recordSignIn(userId, clock.instant());
        return SignInPolicy.afterMfa(c.mustChangePassword());
    }

    private MfaOutcome checkCode(UserAccountRepository.Credentials c, String code) {
        Instant now = clock.instant();
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
            events.publishEvent(AccountSecurityEvent.mfaFailed(c.username(), "locked"));
            return new MfaOutcome(MfaOutcome.Result.LOCKED, Stage.MFA_PENDING);
        }
        OptionalLong step = totp.matchingStep(c.totpSecret(), code, now.getEpochSecond());
        if (step.isPresent() && signIns.claimTotpStep(c.id(), step.getAsLong())) {
            users.recordSignIn(c.id(), now);
            return new MfaOutcome(MfaOutcome.Result.ACCEPTED, SignInPolicy.afterMfa(c.mustChangePassword()));
        }
        events.publishEvent(AccountSecurityEvent.mfaFailed(c.username(), step.isPresent() ? "replayed" : "wrong code"));
        signIns.countFailure(c.id());
        if (signIns.lockIfReached(c.id(), lockout.maxFailures(), lockout.lockedUntil(now))) {
            events.publishEvent(AccountSecurityEvent.locked(c.username(), "mfa"));
            return new MfaOutcome(MfaOutcome.Result.LOCKED, Stage.MFA_PENDING);
        }
        return new MfaOutcome(MfaOutcome.Result.WRONG_CODE, Stage.MFA_PENDING);
    }

    /**
     * Changes the user's own password: the current one must be right, the new one must pass the policy,
     * differ from the current one and be typed twice alike. Nothing changes when any field is wrong; a
     * wrong current password is audited and counts as a failed sign-in (so a left-open session cannot be
     * used to guess it), which is why this transaction commits on invalid input.
     *
     * @throws InvalidInputException one problem per bad field
     * @throws AccountLockedException when this failure locked the account
     */
    @Transactional(noRollbackFor = {InvalidInputException.class, AccountLockedException.class})
    public void changePassword(long userId, PasswordChange change) {
        UserAccountRepository.Credentials c = credentials(userId);
        List<FieldProblem> problems = new ArrayList<>();
        boolean currentRight = passwords.matches(change.currentPassword(), c.passwordHash());
        if (!currentRight) {
            problems.add(new FieldProblem("currentPassword", "password.current.wrong"));
        }
        problems.addAll(passwords.problems("newPassword", c.username(), change.newPassword()));
        if (currentRight && change.newPassword() != null && change.newPassword().equals(change.currentPassword())) {
            problems.add(new FieldProblem("newPassword", "password.sameAsCurrent"));
        }
        if (change.newPassword() == null || !change.newPassword().equals(change.confirmPassword())) {
            problems.add(new FieldProblem("confirmPassword", "password.confirm.mismatch"));
        }
        if (!problems.isEmpty()) {
            events.publishEvent(AccountSecurityEvent.passwordChangeRefused(c.username(),
                    String.join(",", problems.stream().map(FieldProblem::code).distinct().toList())));
            if (!currentRight) {
                signIns.countFailure(userId);
                if (signIns.lockIfReached(userId, lockout.maxFailures(), lockout.lockedUntil(clock.instant()))) {
                    events.publishEvent(AccountSecurityEvent.locked(c.username(), "password change"));
                    throw new AccountLockedException();
                }
            }
            throw new InvalidInputException(problems);
        }
        signIns.updatePassword(userId, passwords.hash("newPassword", c.username(), change.newPassword()),
                clock.instant());
        events.publishEvent(AccountSecurityEvent.passwordChanged(c.username()));
    }

    /** The change-password form. */
    record PasswordChange(String currentPassword, String newPassword, String confirmPassword) {
    }

    /** The account was locked by what the user just did; their session must end. */
    static class AccountLockedException extends RuntimeException {
        AccountLockedException() {
            super("account locked");
        }
    }
}
