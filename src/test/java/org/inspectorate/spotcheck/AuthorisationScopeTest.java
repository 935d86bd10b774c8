package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an authorisation's scope covers: hosts and their sub-domains, IPs in CIDR ranges, URL prefixes, repositories. */
class AuthorisationScopeTest {

    static final AuthorisationScope SCOPE = AuthorisationScope.parse("""
            portal.example.cn
            *.api.example.cn
            10.8.0.0/16
            2001:db8::/32
            https://shop.example.cn/app/
            repo:billing-service
            git@git.example.cn:core/auth.git
            """);

    @Test
    void coversTheHostsRangesUrlsAndRepositoriesItNamesAndNothingElse() {
        assertThat(SCOPE.invalid()).isEmpty();
        assertThat(SCOPE.covers("portal.example.cn")).isTrue();
        assertThat(SCOPE.covers("https://portal.example.cn/login")).isTrue();
        assertThat(SCOPE.covers("v2.api.example.cn")).isTrue();
        assertThat(SCOPE.covers("api.example.cn")).as("the wildcard names sub-domains only").isFalse();
        assertThat(SCOPE.covers("10.8.255.1")).isTrue();
        assertThat(SCOPE.covers("10.9.0.1")).isFalse();
        assertThat(SCOPE.covers("2001:db8:1::5")).isTrue();
        assertThat(SCOPE.covers("https://shop.example.cn/app/cart")).isTrue();
        assertThat(SCOPE.covers("https://shop.example.cn/admin")).isFalse();
        assertThat(SCOPE.covers("repo:billing-service")).isTrue();
        assertThat(SCOPE.covers("billing-service")).isTrue();
        assertThat(SCOPE.covers("git@git.example.cn:core/auth.git")).isTrue();
        assertThat(SCOPE.covers("git@git.example.cn:core/other.git")).isFalse();
        assertThat(SCOPE.covers("evil-portal.example.cn")).isFalse();
        assertThat(SCOPE.covers("")).isFalse();
    }

    @Test
    void linesItCannotReadAreNamedNotIgnored() {
        AuthorisationScope scope = AuthorisationScope.parse("portal.example.cn\n300.1.1.1/8\nnot a host\n10.0.0.0/40");
        assertThat(scope.invalid()).containsExactly("300.1.1.1/8", "not a host", "10.0.0.0/40");
        assertThat(scope.size()).isEqualTo(1);
    }
}
