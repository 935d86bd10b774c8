package org.inspectorate.agency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Testing agencies and their inspectors (专业技术机构及检查人员): the module's public API. The Ministry's and
 * provincial administrations' officers keep the records and vet inspectors; a draw asks for the
 * {@linkplain #eligiblePool(LocalDate) eligible pool} on a day.
 */
@Service
public class Agencies {

    /** Largest signed commitment file accepted. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final int MAX_TEXT = 1000;

    private final AgencyRepository repository;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Agencies(AgencyRepository repository, Organisations organisations, UserAccounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    // --- reading ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<AgencySummary> list(Actor actor, String text, PageRequest page) {
        requireManager(actor);
        return repository.agencies(text, page);
    }

    @Transactional(readOnly = true)
    public AgencySummary agency(Actor actor, long id) {
        requireManager(actor);
        return repository.agency(id).orElseThrow(() -> new NotFoundException("agency", id));
    }

    @Transactional(readOnly = true)
    public List<Inspector> inspectors(Actor actor, long agencyId) {
        agency(actor, agencyId);
        return repository.profiles(agencyId).stream().map(this::assemble).toList();
    }

    @Transactional(readOnly = true)
    public List<Commitment> agencyCommitments(Actor actor, long agencyId) {
        agency(actor, agencyId);
        return repository.commitments(agencyId, null);
    }

    @Transactional(readOnly = true)
    public List<OperatorRelation> relations(Actor actor, long agencyId) {
        agency(actor, agencyId);
        return repository.relations(agencyId);
    }

    @Transactional(readOnly = true)
    public Inspector inspector(Actor actor, long userId) {
        requireManager(actor);
        return repository.profile(userId).map(this::assemble)
                .orElseThrow(() -> new NotFoundException("inspector", userId));
    }

    /** A signed commitment file as uploaded. */
    public record CommitmentFile(Commitment commitment, byte[] content) {
    }

    @Transactional(readOnly = true)
    public CommitmentFile commitmentFile(Actor actor, long commitmentId) {
        requireManager(actor);
        Commitment c = repository.commitment(commitmentId)
                .orElseThrow(() -> new NotFoundException("commitment", commitmentId));
        events.publishEvent(new CommitmentDownloaded(c.id(), c.sha256()));
        return new CommitmentFile(c, repository.commitmentContent(commitmentId).orElseThrow());
    }

    // --- the draw's view (no jurisdiction: rules) -------------------------------------------

    /**
     * For a draw's rules: every inspector who on {@code day} holds the role INSPECTOR on an enabled account of
     * the agency the profile names, has a vetting valid that day, and a valid personal AND agency commitment.
     */
    @Transactional(readOnly = true)
    public List<EligibleInspector> eligiblePool(LocalDate day) {
        // Set-based: a handful of queries for the whole pool, whatever its size.
        Map<Long, Long> inspectors = accounts.enabledHoldersOf(Role.INSPECTOR);
        Map<Long, LocalDate> vetted = repository.vettedUntil(day);
        Map<AgencyRepository.Committed, LocalDate> committed = repository.committedUntil(day);
        Map<Long, List<Employment>> employment = repository.allEmployment();
        Map<Long, Set<Long>> conflicts = repository.allConflicts();
        List<EligibleInspector> pool = new ArrayList<>();
        for (AgencyRepository.ProfileRow row : repository.profiles(null)) {
            Long organisation = inspectors.get(row.userId());
            if (organisation == null || organisation != row.agencyId()) {
                continue;
            }
            LocalDate vettedUntil = vetted.get(row.userId());
            LocalDate personal = committed.get(new AgencyRepository.Committed(row.agencyId(), row.userId()));
            LocalDate agency = committed.get(new AgencyRepository.Committed(row.agencyId(), null));
            if (vettedUntil == null || personal == null || agency == null) {
                continue;
            }
            pool.add(new EligibleInspector(row.userId(), row.agencyId(), row.skills(),
                    employment.getOrDefault(row.userId(), List.of()), conflicts.getOrDefault(row.userId(), Set.of()),
                    vettedUntil, personal.isBefore(agency) ? personal : agency));
        }
        return pool;
    }

    /**
     * For the spot-check gate (保密): the inspector's vetting and confidentiality commitments (own and agency's) that
     * hold on {@code day}; all {@code null} for an account without an inspector profile. Three indexed look-ups.
     */
    @Transactional(readOnly = true)
    public Clearance clearance(long userId, LocalDate day) {
        return repository.profile(userId)
                .map(p -> new Clearance(userId, day, repository.vettedUntil(userId, day),
                        repository.committedUntil(p.agencyId(), userId, day),
                        repository.committedUntil(p.agencyId(), null, day)))
                .orElseGet(() -> new Clearance(userId, day, null, null, null));
    }

    /** For a draw's conflict rule: every agency's evaluation and advice relations. */
    @Transactional(readOnly = true)
    public List<OperatorRelation> relationsUnscoped() {
        return repository.relations(null);
    }

    // --- changes ------------------------------------------------------------------------------

    /** Makes an account with role INSPECTOR of the agency an inspector with a profile and skills. */
    @Transactional
    public Inspector registerInspector(Actor actor, long agencyId, String userId, Collection<String> skills) {
        agency(actor, agencyId);
        List<FieldProblem> problems = new ArrayList<>();
        Long id = parseId(userId, "userId", problems);
        Set<Skill> parsed = skills(skills, problems);
        if (id != null) {
            Optional<UserAccount> account = accounts.findUnscoped(id);
            if (account.isEmpty() || account.get().organisationId() != agencyId) {
                problems.add(new FieldProblem("userId", "agency.inspector.notInAgency"));
            } else if (!account.get().roles().contains(Role.INSPECTOR)) {
                problems.add(new FieldProblem("userId", "agency.inspector.notInspector"));
            } else if (repository.profile(id).isPresent()) {
                problems.add(new FieldProblem("userId", "agency.inspector.exists"));
            }
        }
        fail(problems);
        repository.insertProfile(id, agencyId, parsed, now());
        events.publishEvent(new InspectorRegistered(id, agencyId, AgencyRepository.skillText(parsed)));
        return inspector(actor, id);
    }

    /** Records a vetting (审查) by the signed-in officer. */
    @Transactional
    public Inspector vet(Actor actor, long userId, String vettedOn, String validUntil, String remarks) {
        inspector(actor, userId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = date(vettedOn, "vettedOn", true, problems);
        LocalDate until = date(validUntil, "validUntil", true, problems);
        if (on != null && on.isAfter(today())) {
            problems.add(new FieldProblem("vettedOn", "agency.date.future"));
        }
        if (on != null && until != null && until.isBefore(on)) {
            problems.add(new FieldProblem("validUntil", "agency.date.beforeStart"));
        }
        String text = text(remarks, "remarks", false, problems);
        fail(problems);
        repository.insertVetting(userId, actor.username(), on, until, text, now());
        events.publishEvent(new InspectorVetted(userId, on, until));
        return inspector(actor, userId);
    }

    @Transactional
    public Inspector addEmployment(Actor actor, long userId, String organisationId, String from, String until) {
        inspector(actor, userId);
        List<FieldProblem> problems = new ArrayList<>();
        Long org = organisation(organisationId, "organisationId", problems);
        LocalDate f = date(from, "from", true, problems);
        LocalDate u = date(until, "until", false, problems);
        if (f != null && u != null && u.isBefore(f)) {
            problems.add(new FieldProblem("until", "agency.date.beforeStart"));
        }
        fail(problems);
        repository.insertEmployment(userId, org, f, u);
        events.publishEvent(new InspectorEmploymentAdded(userId, org, f, u));
        return inspector(actor, userId);
    }

    @Transactional
    public Inspector declareConflict(Actor actor, long userId, String organisationId, String reason) {
        inspector(actor, userId);
        List<FieldProblem> problems = new ArrayList<>();
        Long org = organisation(organisationId, "organisationId", problems);
        String text = text(reason, "reason", true, problems);
        fail(problems);
        repository.insertConflict(userId, org, text, today());
        events.publishEvent(new InspectorConflictDeclared(userId, org));
        return inspector(actor, userId);
    }

    /**
     * Stores a signed confidentiality commitment (保密承诺书) of the agency ({@code userId} null) or of one of
     * its inspectors. The file must be a PDF, PNG or JPEG by its first bytes, at most {@link #MAX_FILE_BYTES}.
     */
    @Transactional
    public Commitment uploadCommitment(Actor actor, long agencyId, Long userId, String signedOn, String validFrom,
            String validUntil, String fileName, byte[] content) {
        agency(actor, agencyId);
        if (userId != null) {
            Inspector inspector = inspector(actor, userId);
            if (inspector.agencyId() != agencyId) {
                throw new NotFoundException("inspector", userId + " of agency " + agencyId);
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate signed = date(signedOn, "signedOn", true, problems);
        LocalDate from = date(validFrom, "validFrom", true, problems);
        LocalDate until = date(validUntil, "validUntil", true, problems);
        if (signed != null && signed.isAfter(today())) {
            problems.add(new FieldProblem("signedOn", "agency.date.future"));
        }
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(new FieldProblem("validUntil", "agency.date.beforeStart"));
        }
        String type = null;
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("file", "agency.file.required"));
        } else if (content.length > MAX_FILE_BYTES) {
            problems.add(new FieldProblem("file", "agency.file.tooLarge", MAX_FILE_BYTES / 1024 / 1024));
        } else {
            type = FileSniffer.contentType(content);
            if (type == null) {
                problems.add(new FieldProblem("file", "agency.file.type"));
            }
        }
        String name = fileName == null || fileName.isBlank() ? "commitment" : fileName.strip();
        name = name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        fail(problems);
        String sha = sha256(content);
        long id = repository.insertCommitment(agencyId, userId, signed, from, until, name, type, content, sha,
                actor.username(), now());
        events.publishEvent(new CommitmentUploaded(id, agencyId, userId, from, until, sha));
        return repository.commitment(id).orElseThrow();
    }

    /** Records that the agency evaluated or advised an organisation on a day (a conflict for its spot checks). */
    @Transactional
    public OperatorRelation addRelation(Actor actor, long agencyId, String organisationId, String kind, String on) {
        agency(actor, agencyId);
        List<FieldProblem> problems = new ArrayList<>();
        Long org = organisation(organisationId, "organisationId", problems);
        OperatorRelation.RelationKind k = null;
        try {
            k = OperatorRelation.RelationKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "agency.relation.kind.invalid"));
        }
        LocalDate d = date(on, "relatedOn", true, problems);
        if (d != null && d.isAfter(today())) {
            problems.add(new FieldProblem("relatedOn", "agency.date.future"));
        }
        fail(problems);
        repository.insertRelation(agencyId, org, k, d, actor.username(), now());
        events.publishEvent(new AgencyRelationAdded(agencyId, k, org, d));
        final OperatorRelation.RelationKind kk = k;
        return repository.relations(agencyId).stream()
                .filter(r -> r.organisationId() == org && r.kind() == kk).findFirst().orElseThrow();
    }

    // --- helpers --------------------------------------------------------------------------------

    private Inspector assemble(AgencyRepository.ProfileRow row) {
        UserAccount account = accounts.findUnscoped(row.userId()).orElseThrow();
        String agencyName = repository.organisationName(row.agencyId()).orElse("");
        return new Inspector(row.userId(), account.username(), account.displayName(), row.agencyId(), agencyName,
                row.skills(), repository.employment(row.userId()), repository.conflicts(row.userId()),
                repository.vettings(row.userId()), repository.commitments(row.agencyId(), row.userId()), row.version());
    }

    private void requireManager(Actor actor) {
        if (!AgencyAccess.mayManage(actor)) {
            throw new AccessDeniedException("only regulators' officers keep agency records");
        }
    }

    private static void fail(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Long organisation(String input, String field, List<FieldProblem> problems) {
        Long id = parseId(input, field, problems);
        if (id == null) {
            return null;
        }
        Optional<Organisation> org = organisations.findUnscoped(id);
        if (org.isEmpty()) {
            problems.add(new FieldProblem(field, "agency.organisation.unknown", id));
            return null;
        }
        return id;
    }

    private static Long parseId(String input, String field, List<FieldProblem> problems) {
        if (input == null || input.isBlank()) {
            problems.add(new FieldProblem(field, "agency.field.required"));
            return null;
        }
        try {
            long id = Long.parseLong(input.strip());
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "agency.id.invalid"));
            return null;
        }
    }

    private static Set<Skill> skills(Collection<String> input, List<FieldProblem> problems) {
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String s : input == null ? List.<String>of() : input) {
            try {
                skills.add(Skill.valueOf(s == null ? "" : s.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("skills", "agency.skill.invalid", s));
                return skills;
            }
        }
        if (skills.isEmpty()) {
            problems.add(new FieldProblem("skills", "agency.skill.required"));
        }
        return skills;
    }

    static LocalDate date(String input, String field, boolean required, List<FieldProblem> problems) {
        if (input == null || input.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "agency.field.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(input.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "agency.date.invalid"));
            return null;
        }
    }

    private static String text(String input, String field, boolean required, List<FieldProblem> problems) {
        if (input == null || input.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "agency.field.required"));
            }
            return null;
        }
        if (input.strip().length() > (required ? 500 : MAX_TEXT)) {
            problems.add(new FieldProblem(field, "agency.text.tooLong", required ? 500 : MAX_TEXT));
            return null;
        }
        return input.strip();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
