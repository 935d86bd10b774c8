package org.inspectorate.filing.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filled bulk upload workbooks for tests and the benchmark. */
final class BulkFixtures {

    private BulkFixtures() {
    }

    /** A valid template row for a unit named {@code name}, graded three days before {@code today}. */
    static Map<String, String> row(String name, LocalDate today) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("category", "PORTAL");
        r.put("description", "门户网站及其后台");
        r.put("responsiblePerson", "张三");
        r.put("responsibleContact", "010-12345678");
        r.put("gradeLevel", "3.1");
        r.put("gradingReasoning", "遭到破坏后会对社会秩序和公共利益造成严重损害");
        r.put("gradingReviewedOn", today.minusDays(3).toString());
        r.put("protocolsAndPorts", "HTTPS/443");
        r.put("lifecycleStage", "FORMAL_OPERATION");
        r.put("DOMAIN", "portal.example.cn\n门户.example.cn");
        r.put("CIDR", "203.0.113.0/24 80,443");
        r.put("APP_PACKAGE", "com.example.portal");
        return r;
    }

    /** {@code count} valid rows named {@code prefix-1..count}, graded three days before {@code today}. */
    static List<Map<String, String>> rows(String prefix, int count, LocalDate today) {
        List<Map<String, String>> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(row(prefix + "-" + i, today));
        }
        return rows;
    }

    static byte[] workbook(List<Map<String, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            UnitWorkbook.writeRows(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
