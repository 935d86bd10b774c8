package org.inspectorate.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.CvssScore;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.finding.Severity;

/**
 * A scanned finding as a register entry: category and severity on the register's scales, references,
 * the texts joined, and the stable key (unit, host, port/protocol, scanner rule or CVE, code location) that
 * makes a re-import find the same finding again.
 */
final class ScanMapping {

    /** Keys longer than the register keeps are replaced by their SHA-256 (still stable). */
    static final int MAX_KEY = 200;

    private ScanMapping() {
    }

    static String dedupKey(long unitId, ScannedFinding f) {
        String rule = f.ruleId() != null ? f.ruleId() : !f.cves().isEmpty() ? f.cves().get(0) : f.title();
        String key = "u" + unitId + "|" + (f.host() == null ? "" : f.host().toLowerCase(Locale.ROOT)) + "|"
                + (f.port() == null ? "" : f.port()) + "/" + (f.protocol() == null ? "" : f.protocol()) + "|"
                + f.format().name().toLowerCase(Locale.ROOT) + ":" + rule
                + (f.location() == null ? "" : "|" + f.location());
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScanImports.Item item(long unitId, ScannedFinding f, Map<String, Boolean> vectors) {
        List<String> refs = new ArrayList<>(f.cves());
        refs.addAll(f.cnvdIds());
        refs.addAll(f.cnnvdIds());
        TreeSet<String> flags = new TreeSet<>();
        f.flags().forEach(flag -> flags.add(flag.name()));
        String vector = f.cvssVector();
        if (vector != null && !vector.isBlank()
                && !vectors.computeIfAbsent(vector, v -> CvssScore.parse(v).isPresent())) {
            flags.add("CVSS_NOT_PARSED");
        }
        StringBuilder text = new StringBuilder();
        if (!flags.isEmpty()) {
            text.append("[").append(String.join(", ", flags)).append("]\n\n");
        }
        if (f.description() != null) {
            text.append(f.description());
        }
        if (f.solution() != null) {
            text.append("\n\nSolution: ").append(f.solution());
        }
        if (f.evidence() != null) {
            text.append("\n\nEvidence: ").append(f.evidence());
        }
        String asset = f.host() == null ? f.location()
                : f.host() + (f.port() == null || f.port() == 0 ? "" : ":" + f.port())
                        + (f.protocol() == null ? "" : "/" + f.protocol());
        return new ScanImports.Item(unitId, asset, dedupKey(unitId, f), f.title(),
                text.length() == 0 ? null : text.toString(), category(f.category()), severity(f), refs,
                vector, f.format().name() + (f.ruleId() == null ? "" : " " + f.ruleId()), scanHost(f), f.tool());
    }

    /** The host the item was found on, spelt as the report's coverage spells it ({@code null} for code). */
    static String scanHost(ScannedFinding f) {
        return f.host() == null ? null : Hosts.lenient(f.host());
    }

    static Category category(FindingCategory category) {
        switch (category) {
            case WEAK_PASSWORD:
                return Category.WEAK_PASSWORD;
            case MISCONFIGURATION:
            case INFORMATIONAL:
                return Category.MISCONFIGURATION;
            default:
                return Category.VULNERABILITY;
        }
    }

    /**
     * The register's severity of a scanned item: the one the scanner gave, on the register's scale already.
     * An {@linkplain ScannedFinding#informational() informational} item (Nessus severity 0 or risk factor None,
     * OpenVAS log results, Nmap open ports and script output, SARIF {@code none} and results that are not
     * failures, the CSV template's {@code info}) has none; today it is recorded as a {@link Severity#LOW LOW}
     * finding, as it always was (its category is a misconfiguration, see {@link #category}). This is the one
     * place that decides it: issue 12 will record such items as observed services instead of findings.
     */
    static Severity severity(ScannedFinding f) {
        return f.informational() ? Severity.LOW : f.severity();
    }
}
