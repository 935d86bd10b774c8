package org.inspectorate.finding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One finding of the register (问题) as read, with where its lifecycle stands.
 *
 * @param dueOn      the rectification deadline set when it was opened (from the campaign's SLA)
 * @param plan       the rectification plan (整改计划) once MITIGATED, otherwise {@code null}
 * @param overdue    whether it is unresolved past its deadline (the plan's, once mitigated) as of today
 * @param version    optimistic-lock version: pass it back when changing the finding
 * @param notSeen    an imported finding that the latest scan of its scope no longer showed (未再发现): a
 *                   candidate for verification, still open until someone verifies it
 * @param lastSeenAt when an import last reported it, {@code null} for findings never imported
 * @param cvssVersion the version of {@code cvssVector} when it parsed (2.0, 3.0, 3.1, 4.0), otherwise {@code null}
 * @param solution   the scanner's solution (解决方案); {@code null} for manual findings and rows imported before
 *                   it had its own column (those have it inside the description)
 * @param evidence   the scanner's evidence (证据输出), as {@code solution}
 * @param flags      what the importer noticed about the data (数据提示)
 * @param suppressionNote the tool's justification when the latest report marked it suppressed
 */
public record Finding(long id, long organisationId, long networkUnitId, String asset, String title,
        String description, Category category, Severity severity, List<String> references, String cvssVector,
        BigDecimal cvssScore, String ownerName, String ownerContact, Long ownerUserId, String campaignCode,
        FindingSource source, String sourceRef, String dedupKey, FindingStatus status, LocalDate dueOn,
        String fixNote, Rectification plan, String verifiedBy, Instant verifiedAt, Instant closedAt,
        String reopenReason, Accountability accountability, String createdBy, Instant createdAt, Instant updatedAt,
        int version, boolean overdue, boolean notSeen, Instant lastSeenAt, String cvssVersion, String solution,
        String evidence, Set<ImportFlag> flags, String suppressionNote) {

    public Finding {
        references = references == null ? List.of() : List.copyOf(references);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    /** The same finding citing {@code all} (the register's every id, where the row's summary holds fewer). */
    Finding withReferences(List<String> all) {
        return new Finding(id, organisationId, networkUnitId, asset, title, description, category, severity, all,
                cvssVector, cvssScore, ownerName, ownerContact, ownerUserId, campaignCode, source, sourceRef, dedupKey,
                status, dueOn, fixNote, plan, verifiedBy, verifiedAt, closedAt, reopenReason, accountability,
                createdBy, createdAt, updatedAt, version, overdue, notSeen, lastSeenAt, cvssVersion, solution,
                evidence, flags, suppressionNote);
    }

    /** The flags in a stable order, for display. */
    public List<ImportFlag> flagList() {
        return flags.stream().sorted().toList();
    }

    /** The asset as the pages show it ({@link Assets#display}): brackets round an IPv6 host, no port 0. */
    public String assetDisplay() {
        return Assets.display(asset);
    }

    /** The deadline that counts now: the plan's once mitigated, otherwise the finding's. */
    public LocalDate effectiveDueOn() {
        return status == FindingStatus.MITIGATED && plan != null && plan.dueOn() != null ? plan.dueOn() : dueOn;
    }

    /** The lifecycle steps that may follow the current status. */
    public List<FindingStatus> nextSteps() {
        return FindingLifecycle.next(status);
    }

    /** Measures taken and the rectification plan (整改计划): what remains, who owns it, by when. */
    public record Rectification(String measures, String plan, String owner, LocalDate dueOn) {
    }

    /** The accountability record (问责): who was responsible, what was done about it, and when. */
    public record Accountability(String responsible, String action, LocalDate decidedOn) {

        public boolean empty() {
            return responsible == null && action == null && decidedOn == null;
        }
    }
}
