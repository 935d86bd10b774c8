package org.inspectorate.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.finding.Assets;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.ImportFlag;
import org.inspectorate.finding.ScanImports;
import org.inspectorate.finding.Severity;

/**
 * A scanned finding as a register entry: category and severity on the register's scales, references,
 * the texts and flags each in its own field, and the stable key (unit, host, port/protocol, scanner rule or CVE, code location) that
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

    /**
     * The register item of a scanned one. Description, solution and evidence stay apart (the register stores
     * and shows each with its own label); the importer's flags travel as {@link ImportFlag}s (the register adds
     * TEXT_TRUNCATED and CVSS_NOT_PARSED where it cuts a text or cannot score the vector); the asset reads
     * {@code [2001:db8::1]:443/tcp}, {@code 10.0.0.1:443/tcp}, or the host alone for port 0 ({@link Assets#of}).
     */
    static ScanImports.Item item(long unitId, ScannedFinding f) {
        List<String> refs = new ArrayList<>(f.cves());
        refs.addAll(f.cnvdIds());
        refs.addAll(f.cnnvdIds());
        refs.addAll(f.cweIds());
        Set<ImportFlag> flags = EnumSet.noneOf(ImportFlag.class);
        f.flags().forEach(flag -> flags.add(ImportFlag.valueOf(flag.name())));
        String asset = f.host() == null ? f.location() : Assets.of(f.host(), f.port(), f.protocol());
        ScannedFinding.Suppression suppression = f.suppression();
        return new ScanImports.Item(unitId, asset, dedupKey(unitId, f), f.title(), f.description(),
                category(f.category()), severity(f), refs, f.cvssVector(),
                f.format().name() + (f.ruleId() == null ? "" : " " + f.ruleId()), f.solution(), f.evidence(), flags,
                f.scannerScore(), suppression != null, suppression == null ? null : suppression.justification(),
                scanHost(f), f.tool());
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
     * The register's severity of a scanned item: the one the scanner gave, on the register's scale already. An
     * {@linkplain ScannedFinding#informational() informational} item (Nessus severity 0 or risk factor None,
     * OpenVAS log results, Nmap open ports and script output, SARIF {@code informational} and {@code level: none},
     * the CSV template's {@code info}) is not a finding: the import keeps it as an observed service of the unit
     * ({@code exposure}) and never asks for its severity.
     *
     * @throws IllegalArgumentException for an informational item
     */
    static Severity severity(ScannedFinding f) {
        if (f.informational()) {
            throw new IllegalArgumentException("an informational item is an observed service, not a finding");
        }
        return f.severity();
    }
}
