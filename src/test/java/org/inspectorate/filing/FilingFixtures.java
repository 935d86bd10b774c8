package org.inspectorate.filing;

import java.util.List;

/** Valid network unit input for tests, to vary field by field. */
final class FilingFixtures {

    private FilingFixtures() {
    }

    static UnitInput unit(String name) {
        return unit(name, "3.1", List.of(new AssetInput("DOMAIN", "portal.example.cn", null),
                new AssetInput("CIDR", "203.0.113.0/24", "80,443")));
    }

    static UnitInput unit(String name, String level, List<AssetInput> assets) {
        return new UnitInput(name, "PORTAL", "门户网站及其后台", "北京市海淀区某机房", "张三", "010-12345678", level,
                "遭到破坏后会对社会秩序和公共利益造成严重损害", "2026-01-31", "服务器 20 台", "防火墙、WAF",
                "Linux", "Nginx、Tomcat", "HTTP/80, HTTPS/443", "FORMAL_OPERATION", assets);
    }
}
