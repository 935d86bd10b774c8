package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterValuesTest {

    @Test
    void aKnownValueFiltersByWhatItParsesTo() {
        assertThat(FilterValues.lenient("3.1", GradeLevel::parse)).isEqualTo(GradeLevel.LEVEL_3_1);
    }

    @Test
    void aBlankOrUnknownValueFiltersNothing() {
        assertThat(FilterValues.lenient(null, GradeLevel::parse)).isNull();
        assertThat(FilterValues.lenient(" ", GradeLevel::parse)).isNull();
        assertThat(FilterValues.lenient("3.3", GradeLevel::parse)).isNull();
    }
}
