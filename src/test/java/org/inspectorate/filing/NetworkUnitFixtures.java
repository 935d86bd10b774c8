package org.inspectorate.filing;

import java.time.LocalDate;
import java.util.List;

/**
 * Valid network unit input for tests of every module, to vary by what a test is about (its name, category,
 * level and assets) while the rest stays a plausible filing: a portal in formal operation, graded on 2026-01-31.
 */
public final class NetworkUnitFixtures {

    private NetworkUnitFixtures() {
    }

    /** A level 3.1 portal with a domain and a /24 with open ports. */
    public static UnitInput unitInput(String name) {
        return unitInput(name, "3.1", List.of(domain("portal.example.cn"), new AssetInput("CIDR", "203.0.113.0/24",
                "80,443")));
    }

    /** A portal of the given level (its code: "2", "3.1", …) and assets. */
    public static UnitInput unitInput(String name, String level, List<AssetInput> assets) {
        return unitInput(name, "PORTAL", level, assets);
    }

    /** A unit of the given category (its name: "PORTAL", "EMAIL", …), level and assets. */
    public static UnitInput unitInput(String name, String category, String level, List<AssetInput> assets) {
        return new UnitInput(name, category, "门户网站及其后台", "北京市海淀区某机房", "张三", "010-12345678", level,
                "遭到破坏后会对社会秩序和公共利益造成严重损害", "2026-01-31", "服务器 20 台", "防火墙、WAF",
                "Linux", "Nginx、Tomcat", "HTTP/80, HTTPS/443", "FORMAL_OPERATION", assets);
    }

    /** The minimal input of a portal (no hardware or software described) graded on {@code gradingReviewedOn}. */
    public static UnitInput minimalUnitInput(String name, LocalDate gradingReviewedOn) {
        UnitInput u = unitInput(name);
        return new UnitInput(u.name(), u.category(), u.description(), u.keyLocations(), u.responsiblePerson(),
                u.responsibleContact(), u.gradeLevel(), u.gradingReasoning(), gradingReviewedOn.toString(), null, null,
                null, null, null, u.lifecycleStage(), u.assets());
    }

    /** A domain name asset. */
    public static AssetInput domain(String name) {
        return new AssetInput("DOMAIN", name, null);
    }

    /** One IP address. */
    public static AssetInput ipAddress(String ip) {
        return new AssetInput("IP_ADDRESS", ip, null);
    }

    /** An address range. */
    public static AssetInput cidr(String range) {
        return new AssetInput("CIDR", range, null);
    }
}
