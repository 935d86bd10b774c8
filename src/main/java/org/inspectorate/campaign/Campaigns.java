package org.inspectorate.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (检查工作): the module's public API. The Ministry (部网络安全管理局) uploads definitions as
 * draft versions, publishes one version per campaign and closes the campaign; everyone signed in reads
 * published campaigns, only the Ministry sees drafts. Other modules read published definitions through
 * the rule queries at the end, which apply no jurisdiction (campaigns are not inspection results).
 */
@Service
public class Campaigns {

    static final String SYSTEM = "system";
    private static final int CACHE_LIMIT = 64;

    private final CampaignRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CampaignParser parser = new CampaignParser();
    private final CampaignEditor editor = new CampaignEditor();
    private final CampaignAccess access = new CampaignAccess();
    /** Parsed definitions by the SHA-256 of their text: parsing is deterministic, so this is always safe. */
    private final Map<String, CampaignDefinition> parsed = new ConcurrentHashMap<>();

    Campaigns(CampaignRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the actor manages campaign definitions (uploads, publishes, closes): the Ministry only. */
    public boolean canManage(Actor actor) {
        return access.mayManage(actor);
    }

    /** Fails with {@link AccessDeniedException} (403) unless the actor manages campaign definitions. */
    public void requireManager(Actor actor) {
        access.requireManager(actor);
    }

    /** The largest definition file accepted, in bytes. */
    public static int maxDefinitionBytes() {
        return CampaignParser.MAX_BYTES;
    }

    /**
     * Checks a definition file without storing it; every problem is reported in one
     * {@link InvalidInputException}, each naming its field path and value.
     */
    public CampaignDefinition validate(byte[] content) {
        return parser.parse(content);
    }

    // --- the Ministry's workflow ---------------------------------------------------------------

    /**
     * Stores a definition as a new draft version of the campaign its {@code code} names (creating the
     * campaign on its first upload). Nothing is stored when the file has any problem.
     */
    @Transactional
    public CampaignVersion upload(Actor actor, String fileName, byte[] content) {
        access.requireManager(actor);
        return store(actor.username(), fileName, content);
    }

    /** Publishes a draft version; the version published before it becomes superseded. */
    @Transactional
    public CampaignVersion publish(Actor actor, String code, int number) {
        access.requireManager(actor);
        return publishVersion(actor.username(), code, number);
    }

    /** Closes a published campaign: it stays readable, but nothing more may be submitted for it. */
    @Transactional
    public CampaignSummary close(Actor actor, String code) {
        access.requireManager(actor);
        Campaign campaign = repository.lockByCode(code).orElseThrow(() -> new NotFoundException("campaign", code));
        CampaignClosed closed = campaign.close(actor.username());
        repository.saveClosed(campaign, closed, clock.instant());
        events.publishEvent(closed);
        return repository.findByCode(code).orElseThrow().summary();
    }

    /**
     * Copies a campaign the Ministry can see (its published version, or its latest draft while it has none) into
     * a new campaign's first draft (复制为新一年的检查工作): new code, year and title, the deadlines moved to the
     * new year. Validated as an uploaded file is; a code in use is refused under {@code code}.
     */
    @Transactional
    public CampaignVersion copy(Actor actor, String fromCode, CampaignCopy copy) {
        access.requireManager(actor);
        CampaignDocument from = document(actor, fromCode, null);
        String text = editor.copy(from.text(), copy.code(), copy.year(), copy.titleZh(), copy.titleEn(), null);
        return storeNew(actor.username(), "copy-of-" + fromCode + ".yaml", text);
    }

    /**
     * Stores the form's fields ({@link CampaignEditor#edit}) over the campaign's latest version as a new draft
     * version, validated by the same parser as an upload; nothing is stored when any field has a problem.
     */
    @Transactional
    public CampaignVersion edit(Actor actor, String code, Map<String, String> fields) {
        access.requireManager(actor);
        CampaignDraft draft = draft(actor, code);
        String text = editor.edit(draft.document().text(), fields);
        CampaignDefinition definition = parser.parse(text);
        if (!definition.code().equals(code)) {
            throw new InvalidInputException("code", "campaign.edit.codeChanged", code);
        }
        if (definition.equals(draft.document().definition())) {
            // Rewriting the same definition would only store a reformatted copy as a new version.
            throw new ConflictException("campaign.edit.unchanged", code, draft.document().version().number());
        }
        return store(actor.username(), "form-edit.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The campaign's latest version, with the sections its edit form shows as YAML: the Ministry's alone. */
    @Transactional(readOnly = true)
    public CampaignDraft draft(Actor actor, String code) {
        access.requireManager(actor);
        CampaignRepository.Row row = visibleRow(actor, code);
        CampaignDocument document = document(actor, code, row.summary().latestVersion());
        return new CampaignDraft(document, editor.sections(document.text()));
    }

    /**
     * Installs a campaign of {@code year} built from the published campaign {@code fromCode}, unless a campaign
     * with {@code code} exists already: uploaded and published by the system, its deadlines moved to the year
     * and none before {@code notBefore}. Returns whether it installed (the demo's current-year campaign).
     */
    @Transactional
    public boolean installFollowing(String fromCode, String code, int year, LocalizedText title, LocalDate notBefore) {
        if (repository.findByCode(code).isPresent()) {
            return false;
        }
        requirePublished(fromCode);
        String text = editor.copy(textOfPublished(fromCode), code,
                String.valueOf(year), title.zh(), title.en(), notBefore);
        CampaignVersion version = storeNew(SYSTEM, "copy-of-" + fromCode + ".yaml", text);
        publishVersion(SYSTEM, version.code(), version.number());
        return true;
    }

    private String textOfPublished(String code) {
        CampaignRepository.Row row = repository.findByCode(code).orElseThrow();
        return repository.text(row.id(), row.summary().publishedVersion());
    }

    private CampaignVersion storeNew(String by, String fileName, String text) {
        CampaignDefinition definition = parser.parse(text);
        if (repository.findByCode(definition.code()).isPresent()) {
            throw new InvalidInputException("code", "campaign.copy.codeTaken", definition.code());
        }
        return store(by, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Installs a campaign that ships with the product, unless a campaign with its code exists already
     * (whatever became of it since): uploaded and published by the system. Returns whether it installed.
     */
    @Transactional
    boolean installShipped(String fileName, byte[] content) {
        CampaignDefinition definition = parser.parse(content);
        if (repository.findByCode(definition.code()).isPresent()) {
            return false;
        }
        CampaignVersion version = store(SYSTEM, fileName, content);
        publishVersion(SYSTEM, version.code(), version.number());
        return true;
    }

    private CampaignVersion store(String by, String fileName, byte[] content) {
        CampaignDefinition definition = parser.parse(content);
        String name = cleanFileName(fileName);
        String sha256 = sha256(content);
        Campaign campaign = repository.lockByCode(definition.code()).orElse(null);
        if (campaign == null) {
            campaign = Campaign.first(definition.code());
            try {
                campaign = repository.insertCampaign(campaign, definition, clock.instant());
            } catch (DuplicateKeyException e) {
                throw new ConflictException("campaign.upload.concurrent", definition.code());
            }
        }
        long campaignId = campaign.id().orElseThrow();
        Optional<Integer> identical = campaign.latestVersion() == 0 ? Optional.empty()
                : repository.versionWithHash(campaignId, sha256);
        CampaignUploaded uploaded = campaign.upload(sha256, identical, by);
        String text = new String(content, StandardCharsets.UTF_8);
        repository.saveUploaded(campaign, uploaded, definition, text, content.length, name, clock.instant());
        parsed.putIfAbsent(sha256, definition);
        events.publishEvent(uploaded);
        return repository.version(campaignId, uploaded.version()).orElseThrow();
    }

    private CampaignVersion publishVersion(String by, String code, int number) {
        Campaign campaign = repository.lockByCode(code).orElseThrow(() -> new NotFoundException("campaign", code));
        long campaignId = campaign.id().orElseThrow();
        CampaignVersion version = repository.version(campaignId, number)
                .orElseThrow(() -> new NotFoundException("campaign version", code + "/" + number));
        CampaignPublished published = campaign.publish(number, version.status(), version.sha256(), by);
        // Re-check the stored text against today's rules: a draft that no longer passes is not published.
        definition(campaignId, version);
        repository.savePublished(campaign, published, version, clock.instant());
        events.publishEvent(published);
        return repository.version(campaignId, number).orElseThrow();
    }

    // --- reading, by the signed-in user's rights ----------------------------------------------------

    /** Campaigns the actor may see: the Ministry all of them, everyone else those with a published version. */
    @Transactional(readOnly = true)
    public PageResult<CampaignSummary> list(Actor actor, CampaignQuery query, PageRequest page) {
        return repository.search(query, seesDrafts(actor), page);
    }

    /** The campaign, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public CampaignSummary get(Actor actor, String code) {
        return visibleRow(actor, code).summary();
    }

    /** The versions the actor may see, newest first: the Ministry all, everyone else the published ones. */
    @Transactional(readOnly = true)
    public List<CampaignVersion> versions(Actor actor, String code) {
        CampaignRepository.Row row = visibleRow(actor, code);
        List<CampaignVersion> versions = new ArrayList<>(repository.versions(row.id()));
        if (!seesDrafts(actor)) {
            versions.removeIf(v -> v.status() == VersionStatus.DRAFT);
        }
        return versions;
    }

    /**
     * A version with its definition: {@code number} null means the published version (for the Ministry,
     * the latest draft while nothing is published). Drafts are the Ministry's alone.
     */
    @Transactional(readOnly = true)
    public CampaignDocument document(Actor actor, String code, Integer number) {
        CampaignRepository.Row row = visibleRow(actor, code);
        int n = number != null ? number
                : row.summary().publishedVersion() != null ? row.summary().publishedVersion()
                : row.summary().latestVersion();
        CampaignVersion version = repository.version(row.id(), n)
                .filter(v -> v.status() != VersionStatus.DRAFT || seesDrafts(actor))
                .orElseThrow(() -> new NotFoundException("campaign version", code + "/" + n));
        return new CampaignDocument(row.summary(), version, definition(row.id(), version), repository.text(row.id(), n));
    }

    private CampaignRepository.Row visibleRow(Actor actor, String code) {
        return repository.findByCode(code)
                .filter(r -> r.summary().publishedVersion() != null || seesDrafts(actor))
                .orElseThrow(() -> new NotFoundException("campaign", code));
    }

    // --- rule queries for other modules --------------------------------------------------------------

    /** The published definition of the campaign {@code code}, if it has one (closed campaigns included). */
    @Transactional(readOnly = true)
    public Optional<PublishedCampaign> published(String code) {
        return repository.findByCode(code)
                .filter(r -> r.summary().publishedVersion() != null)
                .map(r -> {
                    CampaignVersion v = repository.version(r.id(), r.summary().publishedVersion()).orElseThrow();
                    return new PublishedCampaign(r.summary().code(), v.number(), r.summary().state(), v.sha256(),
                            v.publishedAt(), definition(r.id(), v));
                });
    }

    /** The published campaigns of a year, the most recently changed first. */
    @Transactional(readOnly = true)
    public List<PublishedCampaign> publishedForYear(int year) {
        return repository.publishedCodesForYear(year).stream().map(this::published).flatMap(Optional::stream).toList();
    }

    /** The published campaign or {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public PublishedCampaign requirePublished(String code) {
        return published(code).orElseThrow(() -> new NotFoundException("campaign", code));
    }

    /** The published checklist's items, group by group. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> checklistItems(String code) {
        return requirePublished(code).definition().checklistItems();
    }

    /** The deadline of {@code kind} for organisations of {@code type}, if the published campaign sets one. */
    @Transactional(readOnly = true)
    public Optional<Deadline> deadline(String code, DeadlineKind kind, OrganisationType type) {
        return requirePublished(code).definition().deadlineFor(kind, type);
    }

    /** Days allowed to rectify a finding of {@code severity} under the published campaign. */
    @Transactional(readOnly = true)
    public int slaDays(String code, Severity severity) {
        return requirePublished(code).definition().slaDays(severity);
    }

    /** The scoring standard for spot checks of organisations of {@code type}, if any. */
    @Transactional(readOnly = true)
    public Optional<ScoringStandard> scoringStandard(String code, OrganisationType type) {
        return requirePublished(code).definition().scoringStandardFor(type);
    }

    /** The published campaign's sampling rules for the double-random draw. */
    @Transactional(readOnly = true)
    public List<SamplingRule> samplingRules(String code) {
        return requirePublished(code).definition().sampling();
    }

    // --- helpers ---------------------------------------------------------------------------

    private CampaignDefinition definition(long campaignId, CampaignVersion version) {
        CampaignDefinition cached = parsed.get(version.sha256());
        if (cached != null) {
            return cached;
        }
        CampaignDefinition definition = parser.parse(repository.text(campaignId, version.number()));
        if (parsed.size() >= CACHE_LIMIT) {
            parsed.clear();
        }
        parsed.put(version.sha256(), definition);
        return definition;
    }

    private boolean seesDrafts(Actor actor) {
        return access.maySeeDrafts(actor);
    }

    private static String cleanFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.length() > 200) {
            throw new InvalidInputException("file", "campaign.file.nameTooLong");
        }
        return name.isEmpty() ? null : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
