package org.inspectorate.organisation;

import org.inspectorate.system.AuditableEvent;

/**
 * What happens to an account's credentials, for the audit trail: failures and locks, the second factor,
 * password changes and API tokens; one small record per fact, each naming its own action. The detail never holds
 * a password, code, secret or token.
 */
interface AccountSecurityEvent extends AuditableEvent {

    /** The account it happened to. */
    String username();

    @Override
    default String subject() {
        return "user:" + username();
    }

    /** The account's own user, unless the record says who else acted. */
    @Override
    default String actor() {
        return username();
    }

    /**
     * Sign-in attempts on the account's name are slowed down: after {@code why}, the next attempt from that
     * {@code source} (an address, or "-" for a signed-in step) waits {@code seconds}. Nothing is locked.
     */
    record Throttled(String username, String source, long seconds, String why) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "signin.throttled";
        }

        @Override
        public String detail() {
            return why + "; source " + source + "; next attempt in " + seconds + " s";
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILURE;
        }
    }

    /** A second-factor code or recovery code was refused. */
    record MfaFailed(String username, String reason) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.failed";
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

    /** The second factor was verified at sign-in. */
    record MfaVerified(String username) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.verified";
        }
    }

    /** The user enrolled an authenticator. */
    record MfaEnrolled(String username) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.enrolled";
        }
    }

    /** A demo account skipped enrolment (demo mode only). */
    record MfaSkipped(String username) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.skipped";
        }

        @Override
        public String detail() {
            return "demo mode";
        }
    }

    /** New recovery codes replaced the old ones. */
    record RecoveryCodesIssued(String username, int count) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.recovery-codes-issued";
        }

        @Override
        public String detail() {
            return count + " codes";
        }
    }

    /** A recovery code stood in for the second factor. */
    record RecoveryCodeUsed(String username, int remaining) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.recovery-code-used";
        }

        @Override
        public String detail() {
            return remaining + " left";
        }
    }

    /** The security administrator {@code by} reset the second factor of {@code username}. */
    record MfaReset(String by, String username, int sessionsEnded) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "mfa.reset";
        }

        @Override
        public String detail() {
            return sessionsEnded + " sessions ended";
        }

        @Override
        public String actor() {
            return by;
        }
    }

    /** The user changed their password. */
    record PasswordChanged(String username) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "password.changed";
        }
    }

    /** A password change was refused; {@code fields} names the fields at fault. */
    record PasswordChangeRefused(String username, String fields) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "password.change-refused";
        }

        @Override
        public String detail() {
            return fields;
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILURE;
        }
    }

    /** The user created a personal API token. */
    record TokenCreated(String username, long tokenId, String about) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "apitoken.created";
        }

        @Override
        public String subject() {
            return "apitoken:" + tokenId;
        }

        @Override
        public String detail() {
            return about;
        }
    }

    /** The user revoked a personal API token. */
    record TokenRevoked(String username, long tokenId, String about) implements AccountSecurityEvent {
        @Override
        public String action() {
            return "apitoken.revoked";
        }

        @Override
        public String subject() {
            return "apitoken:" + tokenId;
        }

        @Override
        public String detail() {
            return about;
        }
    }
}
