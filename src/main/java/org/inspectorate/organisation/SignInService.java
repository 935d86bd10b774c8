package org.inspectorate.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.DemoMode;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.SecretSeal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account side of signing in: the second factor (enrolment and codes) and changing one's password, their
 * failures slowed down by {@link SignInThrottling} (nothing is ever locked). Every rule comes from
 * {@link SignInPolicy}, {@link PasswordPolicy} and {@link TotpCodes}; the web layer only moves the user from one
 * {@link Stage} to the next.
 */
@Service
class SignInService {

    private final UserAccountRepository users;
    private final OrganisationRepository organisations;
    private final SignInRepository signIns;
    private final Passwords passwords;
    private final DemoMode demoMode;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignInNames names;
    private final SignInThrottling throttling;
    private final String issuer;
    private final TotpSecretSeal seal;
    private final RecoveryCodeRepository recoveryCodes;
    private final TotpCodes totp = new TotpCodes();
    private final SecureRandom random = new SecureRandom();

    SignInService(UserAccountRepository users, OrganisationRepository organisations, SignInRepository signIns, SignInNames names, Passwords passwords,
            TotpSecretSeal seal, RecoveryCodeRepository recoveryCodes, SignInThrottling throttling,
            DemoMode demoMode, ApplicationEventPublisher events, Clock clock,
            @Value("${inspectorate.security.totp.issuer:Inspectorate}") String issuer) {
        this.users = users;
        this.organisations = organisations;
        this.signIns = signIns;
        this.names = names;
        this.passwords = passwords;
        this.seal = seal;
        this.recoveryCodes = recoveryCodes;
        this.demoMode = demoMode;
        this.events = events;
        this.clock = clock;
        this.throttling = throttling;
        this.issuer = issuer;
    }

    /** The password was right: the stage the user goes to. */
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
        return SignInPolicy.mayskipEnrolment(shippedDemo(userId), credentials(userId).mfaEnrolled());
    }

    /** The secret to enrol and its QR code; the same secret until enrolment is confirmed. */
    @Transactional
    public Enrolment enrolment(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (c.mfaEnrolled()) {
            throw new ConflictException("mfa.alreadyEnrolled");
        }
        String secret = pendingSecret(c);
        if (secret == null) {
            secret = TotpCodes.newSecret();
            signIns.storePendingSecret(userId, seal.seal(userId, secret));
        }
        return new Enrolment(secret, TotpCodes.qrCodeDataUri(secret, c.username(), issuer));
    }

    /** The secret stored for an enrolment not yet confirmed; null when there is none or it no longer opens. */
    private String pendingSecret(UserAccountRepository.Credentials c) {
        if (c.sealedTotpSecret() == null) {
            return null;
        }
        try {
            return seal.open(c.id(), c.sealedTotpSecret());
        } catch (SecretSeal.SealBroken e) {
            return null;
        }
    }

    /** The secret being enrolled, shown as text and as a QR code for the authenticator app. */
    record Enrolment(String secret, String qrCodeDataUri) {
    }

    /**
     * What came of a TOTP or recovery code: the next stage when accepted, or why not; and the new recovery codes
     * when this step issued them (shown once, never stored in clear).
     */
    record MfaOutcome(Result result, Stage next, List<String> recoveryCodes) {

        /** {@code THROTTLED}: too many wrong codes in a row; the next one must wait, the session ends. */
        enum Result { ACCEPTED, WRONG_CODE, THROTTLED }

        MfaOutcome {
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        MfaOutcome(Result result, Stage next) {
            this(result, next, List.of());
        }

        boolean accepted() {
            return result == Result.ACCEPTED;
        }

        MfaOutcome withRecoveryCodes(List<String> codes) {
            return new MfaOutcome(result, next, codes);
        }
    }

    /** Confirms enrolment with a first code from the app. A wrong code counts as a failed sign-in. */
    @Transactional
    public MfaOutcome confirmEnrolment(long userId, String code) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (c.mfaEnrolled()) {
            throw new ConflictException("mfa.alreadyEnrolled");
        }
        MfaOutcome outcome = checkCode(c, code, true);
        if (outcome.accepted()) {
            signIns.markEnrolled(userId);
            events.publishEvent(new AccountSecurityEvent.MfaEnrolled(c.username()));
            return outcome.withRecoveryCodes(issueRecoveryCodes(c));
        }
        return outcome;
    }

    /** The code of an enrolled account at sign-in. A wrong code counts as a failed sign-in. */
    @Transactional
    public MfaOutcome verify(long userId, String code) {
        UserAccountRepository.Credentials c = enrolled(userId);
        MfaOutcome outcome = checkCode(c, code, true);
        if (outcome.accepted()) {
            events.publishEvent(new AccountSecurityEvent.MfaVerified(c.username()));
        }
        return outcome;
    }

    /**
     * A recovery code in place of the TOTP code at sign-in: each code works once. A wrong or used code counts as
     * a failed sign-in, as a wrong TOTP code does.
     */
    @Transactional
    public MfaOutcome verifyRecoveryCode(long userId, String typed) {
        UserAccountRepository.Credentials c = enrolled(userId);
        Instant now = clock.instant();
        if (throttled(c)) {
            return new MfaOutcome(MfaOutcome.Result.THROTTLED, Stage.MFA_PENDING);
        }
        boolean used = RecoveryCodes.normalised(typed).isPresent()
                && recoveryCodes.use(c.id(), RecoveryCodes.hash(c.id(), typed), now);
        if (used) {
            throttling.accepted(SignInThrottling.Step.SECOND_FACTOR, c.id());
            users.recordSignIn(c.id(), now);
            events.publishEvent(new AccountSecurityEvent.RecoveryCodeUsed(c.username(), recoveryCodes.remaining(c.id())));
            return new MfaOutcome(MfaOutcome.Result.ACCEPTED, SignInPolicy.afterMfa(c.mustChangePassword()));
        }
        return failed(c, "wrong recovery code");
    }

    /** The account, which must have enrolled its authenticator. */
    private UserAccountRepository.Credentials enrolled(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (!c.mfaEnrolled()) {
            throw new ConflictException("mfa.notEnrolled");
        }
        return c;
    }

    /** How many unused recovery codes the account has. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft(long userId) {
        return recoveryCodes.remaining(userId);
    }

    /**
     * New recovery codes in place of all the old ones, on the current TOTP code (a wrong one counts as a failed
     * sign-in, so a left-open session cannot be used to guess it).
     */
    @Transactional
    public MfaOutcome regenerateRecoveryCodes(long userId, String code) {
        UserAccountRepository.Credentials c = enrolled(userId);
        MfaOutcome outcome = checkCode(c, code, false);
        return outcome.accepted() ? outcome.withRecoveryCodes(issueRecoveryCodes(c)) : outcome;
    }

    private List<String> issueRecoveryCodes(UserAccountRepository.Credentials c) {
        List<String> codes = RecoveryCodes.newCodes(random);
        recoveryCodes.replace(c.id(), codes.stream().map(code -> RecoveryCodes.hash(c.id(), code)).toList(),
                clock.instant());
        events.publishEvent(new AccountSecurityEvent.RecoveryCodesIssued(c.username(), codes.size()));
        return codes;
    }

    /** Demo mode only: goes on without enrolling. Anywhere else it is refused. */
    @Transactional
    public Stage skipEnrolment(long userId) {
        UserAccountRepository.Credentials c = credentials(userId);
        if (!SignInPolicy.mayskipEnrolment(shippedDemo(userId), c.mfaEnrolled())) {
            throw new ConflictException("mfa.skipNotAllowed");
        }
        events.publishEvent(new AccountSecurityEvent.MfaSkipped(c.username()));
        users.recordSignIn(userId, clock.instant());
        return SignInPolicy.afterMfa(c.mustChangePassword());
    }

    /**
     * Demo mode, and one of the shipped demo accounts (provisioned by the application): an account created later
     * by an administrator enrols like anywhere else, demo mode or not.
     */
    private boolean shippedDemo(long userId) {
        return demoMode.enabled() && users.provisioned(userId);
    }

    /** Checks a TOTP code; {@code signingIn} records the sign-in when it is right. */
    private MfaOutcome checkCode(UserAccountRepository.Credentials c, String code, boolean signingIn) {
        Instant now = clock.instant();
        if (throttled(c)) {
            return new MfaOutcome(MfaOutcome.Result.THROTTLED, Stage.MFA_PENDING);
        }
        String secret = c.sealedTotpSecret() == null ? null : seal.open(c.id(), c.sealedTotpSecret());
        OptionalLong step = totp.matchingStep(secret, code, now.getEpochSecond());
        if (step.isPresent() && signIns.claimTotpStep(c.id(), step.getAsLong())) {
            throttling.accepted(SignInThrottling.Step.SECOND_FACTOR, c.id());
            if (signingIn) {
                users.recordSignIn(c.id(), now);
            }
            return new MfaOutcome(MfaOutcome.Result.ACCEPTED, SignInPolicy.afterMfa(c.mustChangePassword()));
        }
        return failed(c, step.isPresent() ? "replayed" : "wrong code");
    }

    /** Whether the second factor must still wait after wrong codes; a refused attempt is audited. */
    private boolean throttled(UserAccountRepository.Credentials c) {
        if (throttling.wait(SignInThrottling.Step.SECOND_FACTOR, c.id()).isPresent()) {
            events.publishEvent(new AccountSecurityEvent.MfaFailed(c.username(), "throttled"));
            return true;
        }
        return false;
    }

    /** A wrong second factor: audited and counted on the account's second-factor key; the next one may wait. */
    private MfaOutcome failed(UserAccountRepository.Credentials c, String reason) {
        events.publishEvent(new AccountSecurityEvent.MfaFailed(c.username(), reason));
        if (throttling.failed(SignInThrottling.Step.SECOND_FACTOR, c.id(), c.username()).isPresent()) {
            return new MfaOutcome(MfaOutcome.Result.THROTTLED, Stage.MFA_PENDING);
        }
        return new MfaOutcome(MfaOutcome.Result.WRONG_CODE, Stage.MFA_PENDING);
    }

    /**
     * Changes the user's own password: the current one must be right, the new one must pass the policy,
     * differ from the current one and be typed twice alike. Nothing changes when any field is wrong; a
     * wrong current password is audited and slows the next change down (so a left-open session cannot be
     * used to guess it), which is why this transaction commits on invalid input; while it must wait, the
     * current password is not even checked.
     *
     * @throws InvalidInputException one problem per bad field
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changePassword(long userId, PasswordChange change) {
        UserAccountRepository.Credentials c = credentials(userId);
        Optional<Duration> wait = throttling.wait(SignInThrottling.Step.PASSWORD_CHANGE, userId);
        if (wait.isPresent()) {
            events.publishEvent(new AccountSecurityEvent.PasswordChangeRefused(c.username(), "throttled"));
            throw new InvalidInputException(List.of(new FieldProblem("currentPassword", "password.current.throttled",
                    SignInThrottle.seconds(wait.get()))));
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean currentRight = passwords.matches(change.currentPassword(), c.passwordHash());
        if (!currentRight) {
            problems.add(new FieldProblem("currentPassword", "password.current.wrong"));
        }
        PasswordContext context = new PasswordContext(c.username(), c.displayName(),
                organisations.findUnscoped(c.organisationId()).map(Organisation::name).orElse(null));
        problems.addAll(passwords.problems("newPassword", context, change.newPassword()));
        if (currentRight && change.newPassword() != null && change.newPassword().equals(change.currentPassword())) {
            problems.add(new FieldProblem("newPassword", "password.sameAsCurrent"));
        }
        if (change.newPassword() == null || !change.newPassword().equals(change.confirmPassword())) {
            problems.add(new FieldProblem("confirmPassword", "password.confirm.mismatch"));
        }
        if (!problems.isEmpty()) {
            events.publishEvent(new AccountSecurityEvent.PasswordChangeRefused(c.username(),
                    String.join(",", problems.stream().map(FieldProblem::code).distinct().toList())));
            if (!currentRight) {
                throttling.failed(SignInThrottling.Step.PASSWORD_CHANGE, userId, c.username());
            }
            throw new InvalidInputException(problems);
        }
        signIns.updatePassword(userId, passwords.hash("newPassword", context, change.newPassword()),
                clock.instant());
        events.publishEvent(new AccountSecurityEvent.PasswordChanged(c.username()));
    }

    /** The change-password form. */
    record PasswordChange(String currentPassword, String newPassword, String confirmPassword) {
    }
}
