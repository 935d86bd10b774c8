package org.inspectorate.finding;

import java.util.List;

import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.UnitInput;

/** Inputs the finding tests (and any other module's) need, as static factories instead of spelled-out strings. */
public final class FindingFixtures {

    private FindingFixtures() {
    }

    /**
     * A network unit in formal operation with one asset ({@code IP_ADDRESS} or {@code DOMAIN}), graded and
     * described with ordinary values: findings are opened against its asset.
     */
    public static UnitInput unit(String name, String category, String grade, String assetType, String asset) {
        return new UnitInput(name, category, name, "北京", "张三", "010-12345678", grade,
                "3.1".equals(grade) ? "严重损害" : "一般损害", "2026-01-31", "服务器", "防火墙", "Linux", "Nginx", "HTTP/80",
                "FORMAL_OPERATION", List.of(new AssetInput(assetType, asset, null)));
    }

    /** A finding typed by hand, owned by 李四, without references, vector or campaign. */
    public static NewFinding manual(long unitId, String title, String category, String severity, String dueOn) {
        return new NewFinding(null, unitId, null, title, null, category, severity, null, null, "李四", null, null, null,
                dueOn, FindingSource.MANUAL, null, null);
    }
}
