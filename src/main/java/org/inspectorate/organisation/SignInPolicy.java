package org.inspectorate.organisation;

import java.util.Set;

/**
 * The rules of signing in, in plain Java.
 *
 * <p>Order of the steps: password, then the second factor (TOTP) when it is required, then the forced
 * password change when the account must change its password. The second factor comes first because the
 * password alone proves too little to be allowed to change the account's credentials: someone who only
 * knows an initial password handed out by an administrator must not be able to set their own password and
 * keep the account.
 */
final class SignInPolicy {

    private SignInPolicy() {
    }

    /** Where a partly signed-in user stands; {@link #COMPLETE} means every role is in force. */
    enum Stage {
        /** Password accepted; the TOTP code (or enrolment) is still due. */
        MFA_PENDING,
        /** Fully identified, but the password must be changed before anything else. */
        PASSWORD_CHANGE_REQUIRED,
        COMPLETE;

        /** The only authority a user holds while at this stage; none when complete. */
        String authority() {
            return name();
        }
    }

    /**
     * Whether signing in needs the second factor: for every holder of a role that requires it (regulators,
     * inspectors, the three administrators), and for anyone who enrolled of their own accord.
     */
    static boolean mfaRequired(Set<Role> roles, boolean enrolled) {
        return enrolled || roles.stream().anyMatch(Role::mfaRequired);
    }

    static Stage afterPassword(Set<Role> roles, boolean mfaEnrolled, boolean mustChangePassword) {
        if (mfaRequired(roles, mfaEnrolled)) {
            return Stage.MFA_PENDING;
        }
        return afterMfa(mustChangePassword);
    }

    static Stage afterMfa(boolean mustChangePassword) {
        return mustChangePassword ? Stage.PASSWORD_CHANGE_REQUIRED : Stage.COMPLETE;
    }

    /**
     * Only in demo mode, and only while not enrolled, may a user go on without the second factor; an
     * enrolled user always enters the code.
     */
    static boolean mayskipEnrolment(boolean demoMode, boolean enrolled) {
        return demoMode && !enrolled;
    }
}
