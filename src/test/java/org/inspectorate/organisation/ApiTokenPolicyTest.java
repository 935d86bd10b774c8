package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ApiTokenPolicyTest {

    @Test
    void aNewTokenIsWellFormedAndItsHashIsHexSha256() {
        String token = ApiTokenPolicy.newToken(new SecureRandom());
        assertThat(token).startsWith("insp_").hasSize(48);
        assertThat(ApiTokenPolicy.wellFormed(token)).isTrue();
        assertThat(ApiTokenPolicy.hash(token)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token);
        assertThat(ApiTokenPolicy.shownPrefix(token)).hasSize(12);
    }

    @Test
    void tokensOfTheWrongShapeAreNotLookedUp() {
        assertThat(ApiTokenPolicy.wellFormed("insp_short")).isFalse();
        assertThat(ApiTokenPolicy.wellFormed("abcd_" + "a".repeat(43))).isFalse();
        assertThat(ApiTokenPolicy.wellFormed("insp_" + "a".repeat(42) + "=")).isFalse();
        assertThat(ApiTokenPolicy.wellFormed(null)).isFalse();
    }

    @Test
    void validityIsOneDayToOneYearAndExpiredOrRevokedTokensAreUnusable() {
        assertThat(ApiTokenPolicy.validityAllowed(0)).isFalse();
        assertThat(ApiTokenPolicy.validityAllowed(365)).isTrue();
        assertThat(ApiTokenPolicy.validityAllowed(366)).isFalse();
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(ApiTokenPolicy.usable(now.plusSeconds(1), null, now)).isTrue();
        assertThat(ApiTokenPolicy.usable(now, null, now)).isFalse();
        assertThat(ApiTokenPolicy.usable(now.plusSeconds(60), now.minusSeconds(1), now)).isFalse();
    }
}
