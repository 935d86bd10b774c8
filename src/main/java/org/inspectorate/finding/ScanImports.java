package org.inspectorate.finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.inspectorate.organisation.Actor;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Merges a whole scanner report into the findings register (扫描结果入库) in the caller's transaction,
 * without holding the report in memory: findings are streamed into a session one by one and merged
 * set-wise at {@link ImportSession#finish()}.
 * <ul>
 * <li>A finding is named by its {@code dedupKey} within the organisation: an unknown key opens a finding
 * (source IMPORT, due date from the default SLA days), a known one with the same descriptive fields is
 * <em>unchanged</em> (only "last seen" moves), with other fields <em>updated</em>; a VERIFIED or CLOSED
 * finding that the report shows again is REOPENED.</li>
 * <li>Findings of the scope (the organisation, or the given units) that came from an earlier report of the
 * same format and that this report no longer shows, although it covered their host (or, for SARIF, the same
 * tool ran over their unit), are flagged {@code not_seen} — never closed.</li>
 * <li>On PostgreSQL rows are streamed with COPY into a temporary table, on MariaDB loaded into one from memory with
 * {@code LOAD DATA LOCAL INFILE}, and merged with a handful of set-based statements ({@link StagedMerge}); on H2, and
 * on a MariaDB that refuses LOAD DATA, they are merged in JDBC batches of {@value #CHUNK}.</li>
 * </ul>
 * The caller checks the actor's jurisdiction over the organisation and the units before calling; the audit
 * trail gets one {@code finding.imported} entry with the counts, and every new, refreshed or reopened
 * finding gets its history entry. Every statement is {@link FindingRegister}'s; a reopen follows the
 * finding aggregate's table ({@link FindingLifecycle#reopenedFrom()}).
 */
@Service
public class ScanImports {

    private static final Logger LOG = LoggerFactory.getLogger(ScanImports.class);

    static final int CHUNK = 500;

    private final DataSource dataSource;
    private final FindingRegister register;
    private final FindingAccess access;
    private final SlaPolicy sla;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Whether MariaDB's refusal of LOAD DATA was logged already (once per application, not per import). */
    private final AtomicBoolean localInfileRefused = new AtomicBoolean();

    ScanImports(DataSource dataSource, FindingRegister register, FindingAccess access, SlaPolicy sla, Clock clock,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.register = register;
        this.access = access;
        this.sla = sla;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Where a report goes and who sends it.
     *
     * @param unitIds  the units whose findings a missing report item flags as not seen; empty means every
     *                 unit of the organisation
     * @param format   the report format (findings of other formats are never flagged by this report)
     * @param importId the import, remembered on every finding it saw
     * @param flagNotSeen whether findings of the scope that the report does not show are flagged (a whole
     *                 report: yes; findings of one host assigned afterwards: no)
     * @param coverage what the report covered (read once it is parsed, at {@link ImportSession#finish()}): only
     *                 findings there can be flagged
     */
    public record Target(long organisationId, Set<Long> unitIds, String format, long importId,
            boolean flagNotSeen, Coverage coverage) {

        public Target {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(coverage, "coverage");
            unitIds = Set.copyOf(unitIds);
        }

        /**
         * What a report covered (扫描覆盖范围), filled while it is read: a finding of the target's format is "not
         * seen in latest scan" only on a host the report scanned or, for tool reports (SARIF), when the same
         * tool ran over its unit.
         */
        public interface Coverage {

            /** The hosts the report scanned that matched a unit of the scope, in their canonical spelling. */
            Collection<String> hosts();

            /** For tool reports: the tools (SARIF driver names) that ran, by the unit they ran over. */
            Map<Long, ? extends Collection<String>> tools();

            /** Covers nothing: an import of findings that flags none. */
            static Coverage none() {
                return new Coverage() {
                    @Override
                    public Collection<String> hosts() {
                        return List.of();
                    }

                    @Override
                    public Map<Long, ? extends Collection<String>> tools() {
                        return Map.of();
                    }
                };
            }
        }
    }

    /**
     * One report item, matched to a unit. Texts longer than the register keeps are cut here, and flagged
     * {@link ImportFlag#TEXT_TRUNCATED}.
     *
     * @param cvssVector   the vector as the scanner wrote it (CVSS 2.0, 3.0, 3.1 or 4.0); one that does not parse
     *                     is kept as text without a score and flagged {@link ImportFlag#CVSS_NOT_PARSED}
     * @param references   CVE, CNVD, CNNVD and CWE ids: every valid one is kept
     * @param solution     how to fix it, as the scanner wrote it; {@code null} when it gives none
     * @param evidence     the scanner's evidence (plugin or script output, a code snippet); may be {@code null}
     * @param flags        what the importer noticed about the data
     * @param scannerScore the scanner's own base score (0.0–10.0), stored when no vector is given or it does not
     *                     parse; {@code null} when it gives none
     * @param suppressed   whether the tool reports the item as suppressed (accepted risk, false positive): the
     *                     finding is recorded SUPPRESSED (已抑制) and does not count as unresolved
     * @param suppressionNote the tool's justification for the suppression; may be {@code null}
     * @param scanHost     the host scanned, in its canonical spelling ({@code null} for code findings)
     * @param tool         the tool that reported it (SARIF driver name), or {@code null}
     */
    public record Item(long networkUnitId, String asset, String dedupKey, String title, String description,
            Category category, Severity severity, List<String> references, String cvssVector, String sourceRef,
            String solution, String evidence, Set<ImportFlag> flags, Double scannerScore, boolean suppressed,
            String suppressionNote, String scanHost, String tool) {

        public Item {
            scanHost = scanHost == null || scanHost.length() <= 255 ? scanHost : scanHost.substring(0, 255);
            tool = tool == null || tool.length() <= 200 ? tool : tool.substring(0, 200);
            Objects.requireNonNull(dedupKey, "dedupKey");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(severity, "severity");
            references = references == null ? List.of() : List.copyOf(references);
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
            if (scannerScore != null && !(scannerScore >= 0 && scannerScore <= 10)) {
                throw new IllegalArgumentException("a scanner's score is 0.0–10.0: " + scannerScore);
            }
        }

        /** An item with nothing beside the description: no solution, evidence, flags or score, not suppressed. */
        public Item(long networkUnitId, String asset, String dedupKey, String title, String description,
                Category category, Severity severity, List<String> references, String cvssVector, String sourceRef) {
            this(networkUnitId, asset, dedupKey, title, description, category, severity, references, cvssVector,
                    sourceRef, null, null, Set.of(), null, false, null, null, null);
        }

        /** As the ten-value item, with the host scanned and the tool that reported it. */
        public Item(long networkUnitId, String asset, String dedupKey, String title, String description,
                Category category, Severity severity, List<String> references, String cvssVector, String sourceRef,
                String scanHost, String tool) {
            this(networkUnitId, asset, dedupKey, title, description, category, severity, references, cvssVector,
                    sourceRef, null, null, Set.of(), null, false, null, scanHost, tool);
        }
    }

    /** What an import did: new, updated, unchanged and reopened findings, and those flagged not seen. */
    public record Counts(int created, int updated, int unchanged, int reopened, int notSeen, int repeated) {
    }

    /** Receives the items of one report; {@link #finish()} merges them. Not thread-safe. */
    public interface ImportSession {

        void add(Item item);

        Counts finish();

        /** Stops a session that will not finish (the report failed part-way); the transaction rolls back. */
        default void abort() {
        }
    }

    /** A session in the current transaction (which must exist: the report lands whole or not at all). */
    public ImportSession open(Actor actor, Target target) {
        if (!access.mayOpen(actor)) {
            throw new AccessDeniedException("only operators and regulators import findings");
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an import runs in one transaction");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ImportStamp stamp = new ImportStamp(target.organisationId(),
                target.importId(), target.format(), actor.username(), now);
        // the transaction's connection: the stage's statements run on it (releasing it leaves it bound)
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                StagedMerge merge = register.staged(StagedMerge.Dialect.POSTGRESQL);
                merge.createStage();
                return new StagedImportSession(this, stamp, target, merge,
                        new CopyStage(connection.unwrap(PGConnection.class)));
            }
            if (connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
                ImportSession staged = loadingData(stamp, target, connection);
                if (staged != null) {
                    return staged;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the connection", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new BatchImportSession(this, stamp, target);
    }

    /**
     * MariaDB's staged session, or {@code null} when the server or the driver refuses {@code LOAD DATA LOCAL INFILE}
     * (the server's {@code local_infile} is off, or the URL says {@code allowLocalInfile=false}): the import then
     * merges in JDBC batches, correct but several times slower, and the first refusal is logged once as a WARN. A
     * refused statement leaves MariaDB's transaction as it was.
     */
    private ImportSession loadingData(ImportStamp stamp, Target target, Connection connection) {
        StagedMerge merge = register.staged(StagedMerge.Dialect.MARIADB);
        merge.createStage();
        try {
            return new StagedImportSession(this, stamp, target, merge, LocalInfileStage.open(connection));
        } catch (SQLException refused) {
            merge.dropStage();
            if (localInfileRefused.compareAndSet(false, true)) {
                LOG.warn("MariaDB refused LOAD DATA LOCAL INFILE ({}): scanner imports merge in JDBC batches, several "
                        + "times slower. Turn the server's local_infile on and leave the connection's "
                        + "allowLocalInfile at its default (docs/imports.md, \"MariaDB\").", refused.getMessage());
            }
            return null;
        }
    }

    /**
     * Prepares items as an import does (texts cut, vectors scored, content hashed, each written as a COPY line)
     * and stores nothing: the start-up warm-up's ({@code ImportWarmUp}), so that the first real import does not
     * pay for loading and compiling this code. How many items were prepared.
     */
    public int rehearse(Collection<Item> items) {
        Preparer preparer = new Preparer(this, clock.instant());
        Writer nowhere = Writer.nullWriter();
        int prepared = 0;
        for (Item item : items) {
            Prepared p = preparer.prepare(item);
            if (p != null) {
                try {
                    StagedImportSession.row(nowhere, p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                prepared++;
            }
        }
        return prepared;
    }

    // --- shared by every session ------------------------------------------------------------------

    FindingRegister register() {
        return register;
    }

    /** The values stored for an item, computed once. */
    record Prepared(Item item, String title, String description, String references, List<String> allReferences,
            String vector, String cvssVersion, BigDecimal score, String sourceRef, String asset, String solution,
            String evidence, String flags, String suppressionNote, String hash, LocalDate dueOn) {

        /** Every reference, space-separated (the stage's form); {@code null} for none. */
        String allReferencesText() {
            return allReferences.isEmpty() ? null : String.join(" ", allReferences);
        }
    }

    /** What the register keeps of an item's texts (as docs/imports.md says); longer ones are cut and flagged. */
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 32_000;
    static final int MAX_NOTE = 2_000;

    /** Prepares items: cuts texts, scores vectors (cached: a report repeats few vectors), hashes content. */
    static final class Preparer {

        private final Map<String, Optional<CvssScore>> scores = new HashMap<>();
        private final Map<Severity, LocalDate> dueOn = new HashMap<>();
        private final Set<String> keys = new HashSet<>();
        private final MessageDigest sha;
        private final ScanImports imports;
        private final LocalDate today;
        int repeated;
        /** How many distinct items the tool reports suppressed. */
        int suppressed;

        /** How many distinct keys were prepared (each one row of the import). */
        int distinct() {
            return keys.size();
        }

        Preparer(ScanImports imports, Instant now) {
            this.imports = imports;
            this.today = LocalDate.ofInstant(now, imports.clock.getZone());
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The prepared item, or {@code null} when the report already named its key (the first one counts). */
        Prepared prepare(Item item) {
            if (!keys.add(item.dedupKey())) {
                repeated++;
                return null;
            }
            if (item.suppressed()) {
                suppressed++;
            }
            Set<ImportFlag> flags = EnumSet.noneOf(ImportFlag.class);
            flags.addAll(item.flags());
            String title = cut(item.title(), MAX_TITLE, flags);
            String description = cut(item.description(), MAX_TEXT, flags);
            String solution = cut(item.solution(), MAX_TEXT, flags);
            String evidence = cut(item.evidence(), MAX_TEXT, flags);
            String suppressionNote = item.suppressed() ? cut(item.suppressionNote(), MAX_NOTE, flags) : null;
            List<String> all = item.references().stream().map(r -> r.strip().toUpperCase(Locale.ROOT))
                    .filter(VulnerabilityReferences::valid).distinct().toList();
            String vector = item.cvssVector() == null || item.cvssVector().isBlank() ? null
                    : cut(item.cvssVector().strip(), CvssScore.MAX_VECTOR, flags);
            CvssScore cvss = vector == null ? null : scores.computeIfAbsent(vector, CvssScore::parse).orElse(null);
            if (vector != null && cvss == null) {
                flags.add(ImportFlag.CVSS_NOT_PARSED);
            }
            BigDecimal score = cvss != null ? cvss.baseScore()
                    : item.scannerScore() == null ? null
                    : BigDecimal.valueOf(item.scannerScore()).setScale(1, RoundingMode.HALF_UP);
            String sourceRef = cut(item.sourceRef(), 200, flags);
            String asset = cut(item.asset(), 300, flags);
            String references = VulnerabilityReferences.summary(all);
            String flagText = ImportFlag.join(flags);
            sha.reset();
            for (String part : new String[] {title, description, item.category().name(), item.severity().name(),
                String.join(" ", all), vector, sourceRef, asset, Long.toString(item.networkUnitId()), solution,
                evidence, flagText, score == null ? null : score.toPlainString(),
                item.suppressed() ? "suppressed" : null, suppressionNote}) {
                sha.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1F);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            LocalDate due = dueOn.computeIfAbsent(item.severity(),
                    s -> imports.sla.dueOn(today, s, OptionalInt.empty()));
            return new Prepared(item, title, description, references, all, vector,
                    cvss == null ? null : cvss.version(), score, sourceRef, asset, solution, evidence, flagText,
                    suppressionNote, hash, due);
        }
    }

    private static String cut(String text, int max, Set<ImportFlag> flags) {
        if (text != null && text.length() > max) {
            flags.add(ImportFlag.TEXT_TRUNCATED);
        }
        return cut(text, max);
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * Reopens what the report shows again, flags what it no longer shows, moves the counters ({@code before}: what
     * the rows the import found counted for before it), audits the counts.
     */
    Counts conclude(ImportStamp stamp, Target target, int created, int updated, int unchanged, Preparer prepared,
            Map<FindingTally.Key, Long> before) {
        long t0 = System.nanoTime();
        // only a finding the register knew can be reopened, only a suppressed item suppresses: without either the
        // statements are skipped, as each reads the organisation's findings of the statuses they start from
        List<FindingReopened> reopens = updated + unchanged == 0 ? List.of()
                : register.reopenSeen(stamp, "import " + target.importId());
        int reopened = reopens.size();
        if (prepared.suppressed > 0) {
            register.suppressSeen(stamp);
        }
        register.countImported(stamp, before);
        long t1 = System.nanoTime();
        int notSeen = target.flagNotSeen() ? register.flagNotSeen(stamp, target.unitIds(), target.coverage()) : 0;
        LOG.debug("import {}: reopen and suppress {} ms, not seen {} ms ({} flagged)", target.importId(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, notSeen);
        events.publishEvent(new FindingsImported(target.organisationId(), created, created + updated + unchanged));
        reopens.forEach(events::publishEvent);
        return new Counts(created, updated, unchanged, reopened, notSeen, prepared.repeated);
    }
}
