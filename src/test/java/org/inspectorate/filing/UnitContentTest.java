package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class UnitContentTest {

    private static UnitContent content(String name, GradeLevel level, List<Asset> assets) {
        return new UnitContent(name, NetworkCategory.PORTAL, null, null, "张三", "010", level, "依据",
                LocalDate.of(2026, 1, 31), null, null, null, null, null, LifecycleStage.ONLINE, assets);
    }

    @Test
    void identicalVersionsHaveNoChanges() {
        UnitContent a = content("门户", GradeLevel.LEVEL_2, List.of(new Asset(AssetKind.DOMAIN, "a.cn", null)));
        assertThat(a.changesSince(a)).isEmpty();
    }

    @Test
    void changesAreListedFieldByFieldWithEnumsAsMessageKeysAndAssetsAsRemovedAndAdded() {
        UnitContent before = content("门户", GradeLevel.LEVEL_2, List.of(new Asset(AssetKind.DOMAIN, "a.cn", null),
                new Asset(AssetKind.CIDR, "10.0.0.0/8", "80")));
        UnitContent after = content("新门户", GradeLevel.LEVEL_3_1, List.of(new Asset(AssetKind.DOMAIN, "a.cn", null),
                new Asset(AssetKind.CIDR, "10.0.0.0/8", "80,443")));

        assertThat(after.changesSince(before)).containsExactly(
                new FieldChange("name", "门户", "新门户", null),
                new FieldChange("gradeLevel", "2", "3.1", "filing.level."),
                new FieldChange("assets", "CIDR 10.0.0.0/8 [80]", "CIDR 10.0.0.0/8 [80,443]", null));
    }
}
