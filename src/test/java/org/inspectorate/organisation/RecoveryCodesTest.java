package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfFourGroupsOfFourAreIssued() {
        List<String> codes = RecoveryCodes.newCodes(new SecureRandom());

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
    }

    @Test
    void aCodeIsRecognisedWhateverItsCaseSpacesAndDashesAndLookAlikes() {
        assertThat(RecoveryCodes.normalised("k7qm 2wxd-9htc rf4b")).contains("K7QM2WXD9HTCRF4B");
        assertThat(RecoveryCodes.normalised("O1IL-0000-0000-0000")).contains("0111000000000000");
        assertThat(RecoveryCodes.hash(1, "k7qm-2wxd-9htc-rf4b")).isEqualTo(RecoveryCodes.hash(1, "K7QM2WXD9HTCRF4B"));
    }

    @Test
    void aTotpCodeOrAWrongLengthOrForeignCharacterIsNotARecoveryCode() {
        assertThat(RecoveryCodes.normalised("123456")).isEmpty();
        assertThat(RecoveryCodes.normalised("K7QM-2WXD-9HTC-RF4")).isEmpty();
        assertThat(RecoveryCodes.normalised("K7QM-2WXD-9HTC-RF4U")).isEmpty();
        assertThat(RecoveryCodes.normalised(null)).isEmpty();
    }

    @Test
    void theStoredHashNeverContainsTheCodeAndDiffersBetweenAccounts() {
        String code = RecoveryCodes.newCodes(new SecureRandom()).get(0);

        assertThat(RecoveryCodes.hash(1, code)).hasSize(64).doesNotContain(code.replace("-", ""))
                .isNotEqualTo(RecoveryCodes.hash(2, code));
    }
}
