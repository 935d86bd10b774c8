package org.inspectorate.finding;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the register's export (问题台账导出): the list's columns and the finding's ids, one row per finding,
 * texts in the reader's language.
 */
final class FindingExportRows {

    /** Message keys of the header row. */
    static final List<String> HEADER = List.of("finding.export.id", "finding.field.title", "finding.field.severity",
            "finding.field.category", "finding.field.status", "finding.field.cvssScore", "finding.field.dueOn",
            "finding.overdue", "finding.field.updatedAt", "finding.field.asset", "finding.field.source",
            "finding.field.campaignCode", "finding.field.references", "finding.export.operator",
            "finding.field.networkUnitId");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FindingExportRows() {
    }

    /** One finding's row: numbers as numbers, texts as shown on the page. */
    static List<Object> values(Finding f, Function<String, String> text) {
        return Arrays.asList(f.id(), f.title(), text.apply(f.severity().messageKey()),
                text.apply(f.category().messageKey()), text.apply(f.status().messageKey()), f.cvssScore(),
                String.valueOf(f.effectiveDueOn()), f.overdue() ? text.apply("finding.overdue") : "",
                f.updatedAt() == null ? null : MINUTE.format(f.updatedAt().atZone(java.time.ZoneId.systemDefault())),
                f.assetDisplay(), text.apply(f.source().messageKey()), f.campaignCode(), String.join(" ", f.references()),
                f.organisationId(), f.networkUnitId());
    }
}
