package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void equivalentIpv6SpellingsOfOneHostGiveOneCanonicalSpelling() {
        for (String spelling : new String[] {"2001:DB8:0:0:0:0:0:1", "2001:0db8::0001", "2001:db8:0::1",
                "2001:db8::0:1", " 2001:Db8::1 "}) {
            assertThat(Hosts.host(spelling, 1, 1)).as(spelling).isEqualTo("2001:db8::1");
        }
    }

    @Test
    void ipv6IsCompressedAsRfc5952Says() {
        assertThat(Hosts.host("2001:db8:0:0:1:0:0:1", 1, 1)).as("first of equal runs").isEqualTo("2001:db8::1:0:0:1");
        assertThat(Hosts.host("2001:db8:0:1:1:1:1:1", 1, 1)).as("one zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Hosts.host("2001:0:0:1:0:0:0:1", 1, 1)).as("longest run").isEqualTo("2001:0:0:1::1");
        assertThat(Hosts.host("0:0:0:0:0:0:0:0", 1, 1)).isEqualTo("::");
        assertThat(Hosts.host("0:0:0:0:0:0:0:1", 1, 1)).isEqualTo("::1");
        assertThat(Hosts.host("FE80::0:1%eth0", 1, 1)).isEqualTo("fe80::1%eth0");
        assertThat(Hosts.host("::FFFF:c000:0201", 1, 1)).as("IPv4-mapped").isEqualTo("::ffff:192.0.2.1");
        assertThat(Hosts.host("::ffff:192.0.2.1", 1, 1)).isEqualTo("::ffff:192.0.2.1");
        assertThat(Hosts.host("64:ff9b::192.0.2.33", 1, 1)).isEqualTo("64:ff9b::c000:221");
    }

    @Test
    void ipv4StaysAsWrittenAndDomainsBecomeLowercasePunycode() {
        assertThat(Hosts.host("192.0.2.1", 1, 1)).isEqualTo("192.0.2.1");
        assertThat(Hosts.host("WWW.Example.CN.", 1, 1)).isEqualTo("www.example.cn");
        assertThat(Hosts.host("门户.中国电信.cn", 1, 1)).isEqualTo("xn--zoup46i.xn--fiq64b88le07a.cn");
        assertThat(Hosts.lenient(" 2001:DB8::0001 ")).isEqualTo("2001:db8::1");
        assertThat(Hosts.lenient("Not A Host")).isEqualTo("not a host");
    }

    @Test
    void invalidHostsStillFail() {
        for (String bad : new String[] {"2001:db8::1::2", "192.168.1.1001", "exa mple.cn", "门户 .cn", "1:2:3:4:5:6:7:8:9"}) {
            assertThatThrownBy(() -> Hosts.host(bad, 3, 4)).as(bad).isInstanceOf(ReportParseException.class);
        }
    }
}
