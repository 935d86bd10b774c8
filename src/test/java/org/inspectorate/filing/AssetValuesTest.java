package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetValuesTest {

    private static void refused(Runnable parse, String code) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void domainNamesAreStoredInLowerCaseAsciiAndIdnAsPunycode() {
        assertThat(DomainName.parse("WWW.Example.COM.").ascii()).isEqualTo("www.example.com");
        assertThat(DomainName.parse("中国.cn").ascii()).isEqualTo("xn--fiqs8s.cn");
        assertThat(DomainName.parse("中国.cn").unicode()).isEqualTo("中国.cn");
        assertThat(DomainName.parse("*.example.com").ascii()).isEqualTo("*.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "-bad.com", "bad-.com", "a..com", "exa mple.com", "under_score.com",
            "example.123", "*.*.example.com"})
    void malformedDomainNamesAreRefused(String input) {
        assertThatThrownBy(() -> DomainName.parse(input)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void overlongDomainNamesAndLabelsAreRefused() {
        refused(() -> DomainName.parse("a".repeat(64) + ".com"), "filing.asset.domain.invalid");
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThatThrownBy(() -> DomainName.parse(longName)).isInstanceOf(InvalidValueException.class);
        refused(() -> DomainName.parse(""), "filing.asset.domain.empty");
    }

    @Test
    void ipAddressesAreCanonical() {
        assertThat(IpAddress.parse("203.0.113.7").text()).isEqualTo("203.0.113.7");
        assertThat(IpAddress.parse("2001:DB8:0:0:0:0:0:1").text()).isEqualTo("2001:db8::1");
        assertThat(IpAddress.parse("::1").text()).isEqualTo("::1");
        assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:0").text()).isEqualTo("2001:db8:0:1::");
        assertThat(IpAddress.parse("::").text()).isEqualTo("::");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "example.com", "2001:db8::g",
            "2001:db8:::1", "fe80::1%eth0", "::ffff:1.2.3.4", ""})
    void malformedIpAddressesAreRefused(String input) {
        refused(() -> IpAddress.parse(input), "filing.asset.ip.invalid");
    }

    @Test
    void cidrRangesNeedAValidPrefixAndTheNetworkAddress() {
        assertThat(CidrRange.parse("203.0.113.0/24").toString()).isEqualTo("203.0.113.0/24");
        assertThat(CidrRange.parse("10.0.0.5/32").toString()).isEqualTo("10.0.0.5/32");
        assertThat(CidrRange.parse("0.0.0.0/0").toString()).isEqualTo("0.0.0.0/0");
        assertThat(CidrRange.parse("2001:DB8::/32").toString()).isEqualTo("2001:db8::/32");
        refused(() -> CidrRange.parse("203.0.113.5/24"), "filing.asset.cidr.hostBits");
        assertThatThrownBy(() -> CidrRange.parse("203.0.113.5/24")).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.args()).contains("203.0.113.0/24"));
        refused(() -> CidrRange.parse("10.0.0.0/33"), "filing.asset.cidr.prefix");
        refused(() -> CidrRange.parse("2001:db8::/129"), "filing.asset.cidr.prefix");
        refused(() -> CidrRange.parse("2001:db8::1/64"), "filing.asset.cidr.hostBits");
        refused(() -> CidrRange.parse("10.0.0.0"), "filing.asset.cidr.invalid");
        refused(() -> CidrRange.parse("10.0.0.0/-1"), "filing.asset.cidr.invalid");
        refused(() -> CidrRange.parse("300.0.0.0/8"), "filing.asset.cidr.invalid");
        refused(() -> CidrRange.parse("10.0.0.0/8/8"), "filing.asset.cidr.invalid");
    }

    @Test
    void urlsMustBeHttpOrHttpsWithAHostAndNoCredentials() {
        assertThat(WebUrl.parse("HTTPS://WWW.Example.com:8443/a?b=c").value())
                .isEqualTo("https://www.example.com:8443/a?b=c");
        assertThat(WebUrl.parse("http://中国.cn/").value()).isEqualTo("http://xn--fiqs8s.cn/");
        assertThat(WebUrl.parse("http://[2001:DB8::1]:8080/x").value()).isEqualTo("http://[2001:db8::1]:8080/x");
        assertThat(WebUrl.parse("http://203.0.113.7").value()).isEqualTo("http://203.0.113.7");
        refused(() -> WebUrl.parse("ftp://example.com/"), "filing.asset.url.scheme");
        refused(() -> WebUrl.parse("javascript:alert(1)"), "filing.asset.url.scheme");
        refused(() -> WebUrl.parse("http:///path"), "filing.asset.url.host");
        refused(() -> WebUrl.parse("https://user:secret@example.com/"), "filing.asset.url.credentials");
        refused(() -> WebUrl.parse("http://example.com:70000/"), "filing.asset.url.port");
        refused(() -> WebUrl.parse("http://bad_host/"), "filing.asset.url.host");
        refused(() -> WebUrl.parse("http://example.com/a b"), "filing.asset.url.invalid");
        refused(() -> WebUrl.parse("example.com"), "filing.asset.url.invalid");
    }

    @Test
    void appPackagesAreJavaStyleReverseDomains() {
        assertThat(AppPackage.parse(" com.example.mobile_app ").value()).isEqualTo("com.example.mobile_app");
        refused(() -> AppPackage.parse("example"), "filing.asset.package.invalid");
        refused(() -> AppPackage.parse("com.1example"), "filing.asset.package.invalid");
        refused(() -> AppPackage.parse("com..example"), "filing.asset.package.invalid");
        refused(() -> AppPackage.parse("com.exa-mple"), "filing.asset.package.invalid");
    }

    @Test
    void openPortsAreListsOfPortsAndRanges() {
        assertThat(OpenPorts.normalise(" 80, 443 8000-8080 ")).isEqualTo("80,443,8000-8080");
        assertThat(OpenPorts.normalise("  ")).isNull();
        refused(() -> OpenPorts.normalise("0"), "filing.asset.ports.invalid");
        refused(() -> OpenPorts.normalise("65536"), "filing.asset.ports.invalid");
        refused(() -> OpenPorts.normalise("90-80"), "filing.asset.ports.invalid");
        refused(() -> OpenPorts.normalise("http"), "filing.asset.ports.invalid");
    }

    @Test
    void eachKindNormalisesItsOwnValues() {
        assertThat(AssetKind.DOMAIN.normalise("Example.COM")).isEqualTo("example.com");
        assertThat(AssetKind.CIDR.normalise("10.0.0.0/8")).isEqualTo("10.0.0.0/8");
        refused(() -> AssetKind.parse("MAC_ADDRESS"), "filing.asset.kind.invalid");
    }
}
