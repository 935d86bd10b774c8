package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssetsTest {

    @Test
    void anIpv6HostIsBracketedAnIpv4HostIsNotAndPortZeroLeavesTheHostAlone() {
        assertThat(Assets.of("2001:db8::1", 443, "tcp")).isEqualTo("[2001:db8::1]:443/tcp");
        assertThat(Assets.of("10.0.0.1", 443, "tcp")).isEqualTo("10.0.0.1:443/tcp");
        assertThat(Assets.of("10.0.101.2", 0, "tcp")).isEqualTo("10.0.101.2");
        assertThat(Assets.of("2001:db8::1", 0, "tcp")).isEqualTo("2001:db8::1");
        assertThat(Assets.of("portal.example.cn", null, null)).isEqualTo("portal.example.cn");
        assertThat(Assets.of(null, 443, "tcp")).isNull();
    }

    @Test
    void oldRowsReadTheSameWayWhereThatIsCertainAndAreShownAsStoredWhereNot() {
        assertThat(Assets.display("10.0.101.2/tcp")).isEqualTo("10.0.101.2");
        assertThat(Assets.display("10.0.0.1:443/tcp")).isEqualTo("10.0.0.1:443/tcp");
        assertThat(Assets.display("[2001:db8::1]:443/tcp")).isEqualTo("[2001:db8::1]:443/tcp");
        // the old form of an IPv6 address with its port is itself an address: not guessed at
        assertThat(Assets.display("2001:db8::1:443/tcp")).isEqualTo("2001:db8::1:443/tcp");
        assertThat(Assets.display("src/app/Login.java:42")).isEqualTo("src/app/Login.java:42");
        assertThat(Assets.display(null)).isNull();
    }
}
