package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GradeLevelTest {

    @Test
    void parsesTheSixLevelsOfTheYdtStandards() {
        assertThat(GradeLevel.parse("1")).isEqualTo(GradeLevel.LEVEL_1);
        assertThat(GradeLevel.parse(" 3.1 ")).isEqualTo(GradeLevel.LEVEL_3_1);
        assertThat(GradeLevel.parse("3.2")).isEqualTo(GradeLevel.LEVEL_3_2);
        assertThat(GradeLevel.parse("5")).isEqualTo(GradeLevel.LEVEL_5);
        assertThat(GradeLevel.parse("LEVEL_4")).isEqualTo(GradeLevel.LEVEL_4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.3", "6", "0", "3", "", "3.10", "one"})
    void refusesALevelThatDoesNotExistWithAMessageKey(String input) {
        assertThatThrownBy(() -> GradeLevel.parse(input)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo("filing.level.invalid"));
    }

    @Test
    void levelsFromThreePointOneUpAreThreeOrAbove() {
        assertThat(GradeLevel.LEVEL_2.isThreeOrAbove()).isFalse();
        assertThat(GradeLevel.LEVEL_3_1.isThreeOrAbove()).isTrue();
        assertThat(GradeLevel.LEVEL_5.isThreeOrAbove()).isTrue();
    }
}
