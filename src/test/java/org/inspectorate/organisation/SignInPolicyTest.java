package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    @Test
    void regulatorsInspectorsAndAdministratorsNeedTheSecondFactorOperatorsDoNot() {
        assertThat(SignInPolicy.mfaRequired(Set.of(Role.PROVINCIAL_OFFICER), false)).isTrue();
        assertThat(SignInPolicy.mfaRequired(Set.of(Role.INSPECTOR), false)).isTrue();
        assertThat(SignInPolicy.mfaRequired(Set.of(Role.AUDIT_ADMIN), false)).isTrue();
        assertThat(SignInPolicy.mfaRequired(Set.of(Role.OPERATOR_STAFF), false)).isFalse();
        assertThat(SignInPolicy.mfaRequired(Set.of(Role.OPERATOR_STAFF), true)).isTrue();
    }

    @Test
    void theSecondFactorComesBeforeTheForcedPasswordChange() {
        assertThat(SignInPolicy.afterPassword(Set.of(Role.MINISTRY_OFFICER), false, true)).isEqualTo(Stage.MFA_PENDING);
        assertThat(SignInPolicy.afterMfa(true)).isEqualTo(Stage.PASSWORD_CHANGE_REQUIRED);
        assertThat(SignInPolicy.afterPassword(Set.of(Role.OPERATOR_ADMIN), false, true))
                .isEqualTo(Stage.PASSWORD_CHANGE_REQUIRED);
        assertThat(SignInPolicy.afterPassword(Set.of(Role.OPERATOR_ADMIN), false, false)).isEqualTo(Stage.COMPLETE);
    }

    @Test
    void onlyDemoModeLetsAnUnenrolledUserSkip() {
        assertThat(SignInPolicy.mayskipEnrolment(true, false)).isTrue();
        assertThat(SignInPolicy.mayskipEnrolment(true, true)).isFalse();
        assertThat(SignInPolicy.mayskipEnrolment(false, false)).isFalse();
    }
}
