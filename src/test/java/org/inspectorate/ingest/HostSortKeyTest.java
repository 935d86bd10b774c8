package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.inspectorate.filing.CidrRange;
import org.junit.jupiter.api.Test;

class HostSortKeyTest {

    private static List<String> sorted(String... hosts) {
        return List.of(hosts).stream().sorted(Comparator.comparing(HostSortKey::of)).toList();
    }

    @Test
    void ipv4SortsNumericallyThenIpv6ThenNamesThenCodeLast() {
        assertThat(sorted("(code)", "b.example.cn", "10.0.0.10", "2001:db8::1", "9.9.9.9", "a.example.cn",
                "10.0.0.9", "fe80::1%eth0", "::ffff:192.0.2.1", "192.168.1.1", "2001:db8::10"))
                .containsExactly("9.9.9.9", "10.0.0.9", "10.0.0.10", "192.168.1.1", "::ffff:192.0.2.1",
                        "2001:db8::1", "2001:db8::10", "fe80::1%eth0", "a.example.cn", "b.example.cn", "(code)");
    }

    @Test
    void aKeyIsTheFamilyAndTheAddressInFixedWidthHex() {
        assertThat(HostSortKey.of("10.0.0.9")).isEqualTo("10a000009");
        assertThat(HostSortKey.of("2001:db8::1")).isEqualTo("220010db8000000000000000000000001");
        assertThat(HostSortKey.of("www.example.cn")).isEqualTo("3www.example.cn");
        assertThat(HostSortKey.of("(code)")).isEqualTo("4");
        assertThat(HostSortKey.of("999.1.1.1")).as("not an address: a name").isEqualTo("3999.1.1.1");
    }

    @Test
    void aCidrRangeIsTheRangeOfKeysOfItsAddresses() {
        String[] range = HostSortKey.range(CidrRange.parse("10.0.0.0/24"));
        assertThat(range).containsExactly("10a000000", "10a000100");
        assertThat(HostSortKey.of("10.0.0.255")).isBetween(range[0], range[1]).isLessThan(range[1]);
        assertThat(HostSortKey.of("10.0.1.0")).isEqualTo(range[1]);
        String[] all = HostSortKey.range(CidrRange.parse("0.0.0.0/0"));
        assertThat(all).containsExactly("100000000", "2");
        String[] link = HostSortKey.range(CidrRange.parse("fe80::/64"));
        assertThat(HostSortKey.of("fe80::1%eth0")).isGreaterThanOrEqualTo(link[0]).isLessThan(link[1]);
        assertThat(HostSortKey.range(CidrRange.parse("ffff::/16"))[1]).isEqualTo("3");
    }
}
