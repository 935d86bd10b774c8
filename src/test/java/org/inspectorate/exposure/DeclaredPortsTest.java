package org.inspectorate.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetKind;
import org.junit.jupiter.api.Test;

/** The declared-port rule: the unit's protocols-and-ports text, and each asset's open ports on the hosts it holds. */
class DeclaredPortsTest {

    private static DeclaredPorts assets(Asset... assets) {
        return new DeclaredPorts(null, List.of(assets));
    }

    @Test
    void aPortOrRangeInTheProtocolsAndPortsTextIsDeclaredOnEveryHostOfTheUnit() {
        DeclaredPorts rule = new DeclaredPorts("HTTP/80, HTTPS/443；管理端口 8000-8080", List.of());
        assertThat(rule.declares("203.0.113.5", 80)).isTrue();
        assertThat(rule.declares("portal.example.cn", 443)).isTrue();
        assertThat(rule.declares("203.0.113.5", 8000)).isTrue();
        assertThat(rule.declares("203.0.113.5", 8080)).isTrue();
        assertThat(rule.declares("203.0.113.5", 8081)).isFalse();
        assertThat(rule.declares("203.0.113.5", 22)).isFalse();
    }

    @Test
    void versionsAndWordsInTheTextAreNotPorts() {
        DeclaredPorts rule = new DeclaredPorts("HTTP/1.1, TLS1.2, SSHv2, SNMPv3 over udp", List.of());
        assertThat(rule.declares("203.0.113.5", 1)).isFalse();
        assertThat(rule.declares("203.0.113.5", 2)).isFalse();
        assertThat(rule.declares("203.0.113.5", 3)).isFalse();
        assertThat(DeclaredPorts.ranges("99999, 0, 9000-8000")).isEmpty();
    }

    @Test
    void anAddressAssetDeclaresItsOpenPortsAndRangesOnThatAddressOnly() {
        DeclaredPorts rule = assets(new Asset(AssetKind.IP_ADDRESS, "203.0.113.5", "22,8000-8080"));
        assertThat(rule.declares("203.0.113.5", 22)).isTrue();
        assertThat(rule.declares("203.0.113.5", 8042)).isTrue();
        assertThat(rule.declares("203.0.113.5", 8081)).isFalse();
        assertThat(rule.declares("203.0.113.6", 22)).isFalse();
    }

    @Test
    void aRangeAssetDeclaresItsPortsOnEveryAddressInsideIt() {
        DeclaredPorts rule = assets(new Asset(AssetKind.CIDR, "203.0.113.0/24", "443"),
                new Asset(AssetKind.CIDR, "2001:db8::/32", "53"));
        assertThat(rule.declares("203.0.113.200", 443)).isTrue();
        assertThat(rule.declares("203.0.114.1", 443)).isFalse();
        assertThat(rule.declares("2001:db8::1", 53)).isTrue();
        assertThat(rule.declares("2001:db9::1", 53)).isFalse();
        assertThat(rule.declares("portal.example.cn", 443)).isFalse();
    }

    @Test
    void aDomainAssetDeclaresItsPortsOnTheDomainAndItsSubdomains() {
        DeclaredPorts rule = assets(new Asset(AssetKind.DOMAIN, "example.cn", "8443"));
        assertThat(rule.declares("example.cn", 8443)).isTrue();
        assertThat(rule.declares("www.example.cn", 8443)).isTrue();
        assertThat(rule.declares("WWW.Example.CN.", 8443)).isTrue();
        assertThat(rule.declares("badexample.cn", 8443)).isFalse();
        assertThat(rule.declares("example.cn", 443)).isFalse();
    }

    @Test
    void aUrlAssetDeclaresItsOwnPortAndItsOpenPortsOnItsHost() {
        DeclaredPorts rule = assets(new Asset(AssetKind.URL, "https://portal.example.cn/login", "8443"),
                new Asset(AssetKind.URL, "http://198.51.100.7:8080/", null));
        assertThat(rule.declares("portal.example.cn", 443)).isTrue();
        assertThat(rule.declares("portal.example.cn", 8443)).isTrue();
        assertThat(rule.declares("portal.example.cn", 80)).isFalse();
        assertThat(rule.declares("www.portal.example.cn", 443)).isFalse();
        assertThat(rule.declares("198.51.100.7", 8080)).isTrue();
        assertThat(rule.declares("198.51.100.7", 80)).isFalse();
    }

    @Test
    void anAssetWithoutOpenPortsDeclaresNothingAndAnAppPackageHoldsNoHost() {
        DeclaredPorts rule = assets(new Asset(AssetKind.IP_ADDRESS, "203.0.113.5", null),
                new Asset(AssetKind.APP_PACKAGE, "cn.example.app", "443"));
        assertThat(rule.declares("203.0.113.5", 443)).isFalse();
    }
}
