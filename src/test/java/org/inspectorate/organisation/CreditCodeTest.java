package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsAPublishedCodeWithItsCheckCharacter() {
        // Huawei Technologies Co., Ltd., as printed on its business licence.
        assertThat(CreditCode.problemWith("914403001922038216")).isEmpty();
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(CreditCode.problemWith("914403001922038217")).contains("creditCode.checksum");
    }

    @Test
    void rejectsLettersOutsideTheAlphabet() {
        assertThat(CreditCode.problemWith("91440300192203821I")).contains("creditCode.character");
    }

    @Test
    void rejectsTheWrongLength() {
        assertThat(CreditCode.problemWith("91110000")).contains("creditCode.length");
        assertThat(CreditCode.problemWith(null)).contains("creditCode.length");
    }

    @Test
    void parsingTrimsAndUpperCases() {
        assertThat(CreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @Test
    void theCheckCharacterCompletesAnyValidPrefix() {
        String prefix = "91440300MA5ABCDE1";
        String code = prefix + CreditCode.checkCharacter(prefix);
        assertThat(CreditCode.problemWith(code)).isEmpty();
        assertThatThrownBy(() -> new CreditCode(prefix + "Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
