package org.inspectorate.campaign;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.ConflictException;

/**
 * A campaign with its definition versions (检查工作及其方案版本), the aggregate the Ministry changes: plain Java,
 * restored from its row by {@link CampaignRepository} and handed back to be saved. The campaign row is the
 * lock every change takes, so the campaign guards both lifecycles in one place:
 * <ul>
 * <li>the campaign's {@link CampaignState}: DRAFT → PUBLISHED (a version is published) → CLOSED; a published
 * campaign publishes later versions and stays PUBLISHED; a closed campaign takes nothing more;</li>
 * <li>each version's {@link VersionStatus}: DRAFT → PUBLISHED → SUPERSEDED (when a later one is published).</li>
 * </ul>
 * Each transition fails with the module's {@link ConflictException} naming the current state, and returns
 * the typed event it caused.
 */
final class Campaign {

    /**
     * The campaign's transitions, each with the states it may start from and the state it leads to: the
     * whole table in one place.
     */
    enum Step {
        /** A new draft version is uploaded; the campaign's state stays. */
        UPLOAD(null, CampaignState.DRAFT, CampaignState.PUBLISHED),
        /** A draft version is published (superseding the published one, if any). */
        PUBLISH(CampaignState.PUBLISHED, CampaignState.DRAFT, CampaignState.PUBLISHED),
        /** The campaign is closed to further submissions. */
        CLOSE(CampaignState.CLOSED, CampaignState.PUBLISHED);

        private final CampaignState to;
        private final Set<CampaignState> from;

        Step(CampaignState to, CampaignState first, CampaignState... more) {
            this.to = to;
            this.from = EnumSet.of(first, more);
        }

        boolean startsFrom(CampaignState state) {
            return from.contains(state);
        }

        /** The state the step leads to from {@code current}. */
        CampaignState next(CampaignState current) {
            return to == null ? current : to;
        }
    }

    /** A version's life: a draft is published once, and superseded when a later version is published. */
    private static final Map<VersionStatus, Set<VersionStatus>> VERSION_MOVES = new EnumMap<>(VersionStatus.class);

    static {
        VERSION_MOVES.put(VersionStatus.DRAFT, EnumSet.of(VersionStatus.PUBLISHED));
        VERSION_MOVES.put(VersionStatus.PUBLISHED, EnumSet.of(VersionStatus.SUPERSEDED));
        VERSION_MOVES.put(VersionStatus.SUPERSEDED, EnumSet.noneOf(VersionStatus.class));
    }

    /** The database id; {@code null} until a first upload's row is inserted. */
    private final Long id;
    private final String code;
    private CampaignState state;
    private Integer publishedVersion;
    private int latestVersion;

    private Campaign(Long id, String code, CampaignState state, Integer publishedVersion, int latestVersion) {
        this.id = id;
        this.code = code;
        this.state = state;
        this.publishedVersion = publishedVersion;
        this.latestVersion = latestVersion;
    }

    /** A campaign not stored yet, before its first upload. */
    static Campaign first(String code) {
        return new Campaign(null, code, CampaignState.DRAFT, null, 0);
    }

    /** This new campaign as stored under {@code id}, before its first upload. */
    Campaign storedAs(long id) {
        return new Campaign(id, code, state, publishedVersion, latestVersion);
    }

    static Campaign restore(long id, CampaignSummary row) {
        return new Campaign(id, row.code(), row.state(), row.publishedVersion(), row.latestVersion());
    }

    /** Whether one of the campaign's transitions leads from {@code from} to {@code to}. */
    static boolean allows(CampaignState from, CampaignState to) {
        for (Step step : Step.values()) {
            if (step.startsFrom(from) && step.next(from) == to) {
                return true;
            }
        }
        return false;
    }

    /** Whether a version may move from {@code from} to {@code to}. */
    static boolean allows(VersionStatus from, VersionStatus to) {
        return VERSION_MOVES.get(from).contains(to);
    }

    // --- transitions ---------------------------------------------------------------------------

    /**
     * Takes a new draft version, numbered after the latest; refused when the campaign is closed, or when the
     * same text is stored already as version {@code identicalTo}.
     */
    CampaignUploaded upload(String sha256, Optional<Integer> identicalTo, String by) {
        if (!Step.UPLOAD.startsFrom(state)) {
            throw new ConflictException("campaign.closed", code);
        }
        if (identicalTo.isPresent()) {
            throw new ConflictException("campaign.upload.identical", code, identicalTo.get());
        }
        latestVersion++;
        return new CampaignUploaded(code, latestVersion, sha256, by);
    }

    /**
     * Publishes the version {@code number} (whose status is {@code status}): it must be a draft of an open
     * campaign; the version published before it becomes superseded.
     */
    CampaignPublished publish(int number, VersionStatus status, String sha256, String by) {
        if (!Step.PUBLISH.startsFrom(state)) {
            throw new ConflictException("campaign.closed", code);
        }
        if (!allows(status, VersionStatus.PUBLISHED)) {
            throw new ConflictException("campaign.version.notDraft", code, number, status.name());
        }
        Integer superseded = publishedVersion;
        state = Step.PUBLISH.next(state);
        publishedVersion = number;
        return new CampaignPublished(code, number, sha256, superseded, by);
    }

    /** Closes a published campaign: it stays readable, but nothing more may be submitted for it. */
    CampaignClosed close(String by) {
        if (!Step.CLOSE.startsFrom(state)) {
            throw new ConflictException("campaign.close.notPublished", code, state.name());
        }
        state = Step.CLOSE.next(state);
        return new CampaignClosed(code, publishedVersion, by);
    }

    // --- what the repository saves ---------------------------------------------------------------

    Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    String code() {
        return code;
    }

    CampaignState state() {
        return state;
    }

    Integer publishedVersion() {
        return publishedVersion;
    }

    int latestVersion() {
        return latestVersion;
    }
}
