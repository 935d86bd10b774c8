package org.inspectorate.organisation;

import org.inspectorate.system.AuditableEvent;

/**
 * What happens to an account's credentials, for the audit trail: failures and locks, the second factor,
 * password changes and API tokens. The detail never holds a password, code, secret or token.
 */
record AccountSecurityEvent(String action, String subject, String detail, Outcome outcome, String actor)
        implements AuditableEvent {

    static AccountSecurityEvent locked(String username, String after) {
        return new AccountSecurityEvent("signin.locked", "user:" + username, after, Outcome.FAILURE, username);
    }

    static AccountSecurityEvent mfaFailed(String username, String reason) {
        return new AccountSecurityEvent("mfa.failed", "user:" + username, reason, Outcome.FAILURE, username);
    }

    static AccountSecurityEvent mfaVerified(String username) {
        return new AccountSecurityEvent("mfa.verified", "user:" + username, "", Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent mfaEnrolled(String username) {
        return new AccountSecurityEvent("mfa.enrolled", "user:" + username, "", Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent mfaSkipped(String username) {
        return new AccountSecurityEvent("mfa.skipped", "user:" + username, "demo mode", Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent recoveryCodesIssued(String username, int count) {
        return new AccountSecurityEvent("mfa.recovery-codes-issued", "user:" + username, count + " codes",
                Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent recoveryCodeUsed(String username, int remaining) {
        return new AccountSecurityEvent("mfa.recovery-code-used", "user:" + username, remaining + " left",
                Outcome.SUCCESS, username);
    }

    /** The security administrator {@code by} reset the second factor of {@code username}. */
    static AccountSecurityEvent mfaReset(String by, String username, int sessionsEnded) {
        return new AccountSecurityEvent("mfa.reset", "user:" + username, sessionsEnded + " sessions ended",
                Outcome.SUCCESS, by);
    }

    static AccountSecurityEvent passwordChanged(String username) {
        return new AccountSecurityEvent("password.changed", "user:" + username, "", Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent passwordChangeRefused(String username, String fields) {
        return new AccountSecurityEvent("password.change-refused", "user:" + username, fields, Outcome.FAILURE,
                username);
    }

    static AccountSecurityEvent tokenCreated(String username, long tokenId, String detail) {
        return new AccountSecurityEvent("apitoken.created", "apitoken:" + tokenId, detail, Outcome.SUCCESS, username);
    }

    static AccountSecurityEvent tokenRevoked(String username, long tokenId, String detail) {
        return new AccountSecurityEvent("apitoken.revoked", "apitoken:" + tokenId, detail, Outcome.SUCCESS, username);
    }
}
