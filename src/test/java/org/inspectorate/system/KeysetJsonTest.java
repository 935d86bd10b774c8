package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class KeysetJsonTest {

    @Test
    void anApiPageNamesItsNextPageByTheTokenTheAfterParameterTakes() {
        Keyset cursor = new Keyset("2026-12-07T10:00:00Z", 42);
        String json = JsonMapper.builder().build().writeValueAsString(
                new PageResult<>(List.of("a"), 0, 1, Total.bounded(Total.CAP + 1), cursor));

        assertThat(json).contains("\"next\":\"" + cursor.token() + "\"").contains("\"totalAtLeast\":true");
        assertThat(Keyset.parse(cursor.token())).isEqualTo(cursor);
    }
}
