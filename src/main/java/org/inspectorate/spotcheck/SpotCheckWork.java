package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.NewFinding;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of a check: the operator's written authorisations of remote penetration and code testing (授权), the
 * findings the team records in the register (source SPOT_CHECK) and their on-site notices (现场告知), answered by the
 * target operator only. Every read and change first reads the check through {@link SpotChecks#get} (the gate and
 * the jurisdiction: 404 outside), then asks {@link SpotCheckAccess}.
 */
@Service
public class SpotCheckWork {

    private final SpotChecks checks;
    private final SpotCheckWorkRepository repository;
    private final Findings findings;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpotCheckWork(SpotChecks checks, SpotCheckWorkRepository repository, Findings findings,
            Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.checks = checks;
        this.repository = repository;
        this.findings = findings;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    // --- authorisations ---------------------------------------------------------------------------

    @Transactional
    public List<TestingAuthorisation> authorisations(Actor actor, long checkId) {
        return repository.authorisations(checks.get(actor, checkId).id());
    }

    /** The leader records the operator's signed authorisation of a testing method, before testing by it. */
    @Transactional
    public TestingAuthorisation authorise(Actor actor, long checkId, AuthorisationInput in, String fileName,
            byte[] letter) {
        SpotCheckView check = checks.get(actor, checkId);
        if (!SpotCheckAccess.mayLead(actor, check)) {
            throw new AccessDeniedException("only the team's leader records authorisations");
        }
        if (check.state() != SpotCheckState.SCHEDULED && check.state() != SpotCheckState.IN_PROGRESS) {
            throw new ConflictException("spotcheck.conflict.authoriseState", check.state().name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        InspectionMethod method = method(in.method(), problems);
        if (method != null && !method.needsAuthorisation()) {
            problems.add(new FieldProblem("method", "spotcheck.authorisation.notNeeded", method.name()));
        } else if (method != null && !check.methods().contains(method)) {
            problems.add(new FieldProblem("method", "spotcheck.method.notScheduled", method.name()));
        }
        AuthorisationScope scope = AuthorisationScope.parse(in.scope());
        if (scope.size() == 0 && scope.invalid().isEmpty()) {
            problems.add(new FieldProblem("scope", "spotcheck.field.required"));
        } else if (!scope.invalid().isEmpty()) {
            problems.add(new FieldProblem("scope", "spotcheck.scope.invalid", String.join(", ", scope.invalid())));
        } else if (scope.size() > AuthorisationScope.MAX_ENTRIES || in.scope().length() > 4000) {
            problems.add(new FieldProblem("scope", "spotcheck.field.tooLong", 4000));
        }
        Instant from = moment("windowFrom", in.windowFrom(), problems);
        Instant until = moment("windowUntil", in.windowUntil(), problems);
        if (from != null && until != null && !until.isAfter(from)) {
            problems.add(new FieldProblem("windowUntil", "spotcheck.window.endBeforeStart"));
        }
        String team = text("teamContact", in.teamContact(), 200, problems);
        String operator = text("operatorContact", in.operatorContact(), 200, problems);
        String type = letter == null || letter.length == 0 ? null : LetterSniffer.contentType(letter);
        if (letter == null || letter.length == 0) {
            problems.add(new FieldProblem("letter", "spotcheck.letter.required"));
        } else if (letter.length > LetterSniffer.MAX_BYTES) {
            problems.add(new FieldProblem("letter", "spotcheck.letter.tooLarge", LetterSniffer.MAX_BYTES / 1024 / 1024));
        } else if (type == null) {
            problems.add(new FieldProblem("letter", "spotcheck.letter.type"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = fileName == null || fileName.isBlank() ? "authorisation" : fileName.strip();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        TestingAuthorisation a = new TestingAuthorisation(0, checkId, method, in.scope().strip(), from, until, team,
                operator, name, type, letter.length, LetterSniffer.sha256(letter), actor.username(), clock.instant(),
                null, null);
        long id = repository.insertAuthorisation(a, letter);
        events.publishEvent(new TestingAuthorised(checkId, id, method, from, until, a.letterSha256()));
        return repository.authorisation(checkId, id).orElseThrow();
    }

    /** The target operator confirms the testing window (so that testing keeps its normal operation safe). */
    @Transactional
    public TestingAuthorisation confirmWindow(Actor actor, long checkId, long authorisationId) {
        SpotCheckView check = checks.get(actor, checkId);
        TestingAuthorisation a = repository.authorisation(checkId, authorisationId)
                .orElseThrow(() -> new NotFoundException("authorisation", authorisationId));
        if (!SpotCheckAccess.mayAnswer(actor, check)) {
            throw new AccessDeniedException("only the inspected operator confirms a testing window");
        }
        if (!repository.confirm(authorisationId, actor.username(), clock.instant())) {
            throw new ConflictException("spotcheck.conflict.confirmed");
        }
        events.publishEvent(new TestingWindowConfirmed(checkId, authorisationId));
        return repository.authorisation(checkId, a.id()).orElseThrow();
    }

    /** The signed letter, for whoever sees the check; the download is audited. */
    @Transactional
    public Letter letter(Actor actor, long checkId, long authorisationId) {
        checks.get(actor, checkId);
        TestingAuthorisation a = repository.authorisation(checkId, authorisationId)
                .orElseThrow(() -> new NotFoundException("authorisation", authorisationId));
        events.publishEvent(new AuthorisationLetterDownloaded(checkId, authorisationId));
        return new Letter(a, repository.letter(authorisationId));
    }

    /** A signed letter and its content. */
    public record Letter(TestingAuthorisation authorisation, byte[] content) {
    }

    // --- findings and notices -----------------------------------------------------------------------

    /** The check's findings with their notices, as a page shows them beside the check (whose view is audited). */
    @Transactional
    public List<CheckFinding> findings(Actor actor, long checkId) {
        return repository.findings(checks.get(actor, checkId).id());
    }

    /** The check's findings read on their own (the API): the view is audited. */
    @Transactional
    public List<CheckFinding> viewFindings(Actor actor, long checkId) {
        List<CheckFinding> found = findings(actor, checkId);
        events.publishEvent(new SpotCheckViewed(checkId, found.size()));
        return found;
    }

    /**
     * A team member records a finding of the check in the register (source SPOT_CHECK, the operator's at once). A
     * method under authorisation needs a confirmed authorisation whose window holds now and whose scope covers the
     * host; otherwise the finding is refused naming the host and the window, and nothing is saved. Marked major, it
     * is on the Ministry's list in the same transaction.
     */
    @Transactional
    public CheckFinding record(Actor actor, long checkId, SpotFindingInput in) {
        SpotCheckView check = checks.get(actor, checkId);
        if (!SpotCheckAccess.onTeam(actor, check)) {
            throw new AccessDeniedException("only the team records a check's findings");
        }
        if (check.state() != SpotCheckState.IN_PROGRESS) {
            throw new ConflictException("spotcheck.conflict.notInProgress", check.state().name());
        }
        List<FieldProblem> problems = new ArrayList<>();
        InspectionMethod method = method(in.method(), problems);
        String host = in.host() == null || in.host().isBlank() ? null : in.host().strip();
        if (host != null && host.length() > 300) {
            problems.add(new FieldProblem("host", "spotcheck.field.tooLong", 300));
        }
        if (method != null && !check.methods().contains(method)) {
            problems.add(new FieldProblem("method", "spotcheck.method.notScheduled", method.name()));
        } else if (method != null && method.needsAuthorisation()) {
            authorised(check, method, host, problems);
        }
        if (in.networkUnitId() == null || !check.targetUnitIds().contains(in.networkUnitId())) {
            problems.add(new FieldProblem("networkUnitId", "spotcheck.unit.notInScope"));
        }
        String majorReason = in.markedMajor() ? text("majorReason", in.majorReason(), SpotCheck.MAX_REASON, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String owner = organisations.findUnscoped(check.targetOrganisationId()).map(o -> o.name()).orElse("");
        long findingId = findings.openForSpotCheck(actor, new NewFinding(check.targetOrganisationId(),
                in.networkUnitId(), null, in.title(), in.description(), in.category(), in.severity(), in.references(),
                in.cvssVector(), owner.length() > 100 ? owner.substring(0, 100) : owner, null, null, null, null,
                FindingSource.SPOT_CHECK, "spot-check:" + checkId + ":" + method, null));
        Instant now = clock.instant();
        CheckFinding link = new CheckFinding(findingId, checkId, method, host, in.title().strip(),
                in.severity().strip().toUpperCase(Locale.ROOT), in.networkUnitId(), actor.username(), now, null, null,
                null, null, null, null, null, null, null, null, check.targetOrganisationId(), check.targetProvinceCode(),
                null, null, null);
        repository.insertFinding(link);
        events.publishEvent(new SpotCheckFindingRecorded(checkId, findingId, method, host));
        if (in.markedMajor()) {
            markMajor(check, link, majorReason, now);
        }
        return repository.finding(checkId, findingId).orElseThrow();
    }

    /** Refuses a finding of an authorised method without a confirmed authorisation in window and scope. */
    private void authorised(SpotCheckView check, InspectionMethod method, String host, List<FieldProblem> problems) {
        List<TestingAuthorisation> all = repository.authorisations(check.id()).stream()
                .filter(a -> a.method() == method).toList();
        if (all.isEmpty()) {
            problems.add(new FieldProblem("method", "spotcheck.authorisation.missing", method.name()));
            return;
        }
        if (host == null) {
            problems.add(new FieldProblem("host", "spotcheck.host.required"));
            return;
        }
        Instant now = clock.instant();
        Optional<TestingAuthorisation> covering = all.stream()
                .filter(a -> AuthorisationScope.parse(a.scope()).covers(host)).findFirst();
        if (covering.isEmpty()) {
            TestingAuthorisation a = all.get(all.size() - 1);
            problems.add(new FieldProblem("host", "spotcheck.authorisation.outOfScope", host,
                    Windows.text(a, clock), a.scope().replace('\n', ' ')));
            return;
        }
        TestingAuthorisation a = covering.get();
        if (!a.confirmed()) {
            problems.add(new FieldProblem("method", "spotcheck.authorisation.unconfirmed", Windows.text(a, clock)));
        } else if (!a.within(now)) {
            problems.add(new FieldProblem("host", "spotcheck.authorisation.outsideWindow", host,
                    Windows.text(a, clock)));
        }
    }

    /** The team tells the operator of a finding on site (现场告知): now, by a method. */
    @Transactional
    public CheckFinding tell(Actor actor, long checkId, long findingId, String method) {
        SpotCheckView check = checks.get(actor, checkId);
        CheckFinding f = finding(checkId, findingId);
        if (!SpotCheckAccess.mayWork(actor, check)) {
            throw new AccessDeniedException("only the team tells the operator, while the check is in progress");
        }
        List<FieldProblem> problems = new ArrayList<>();
        InspectionMethod how = method(method, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OnSiteNotice notice = new OnSiteNotice(f);
        Instant now = clock.instant();
        OnSiteNoticeGiven given = notice.tell(how, now);
        if (!repository.tell(findingId, how, actor.username(), now)) {
            throw new ConflictException("spotcheck.conflict.stale");
        }
        events.publishEvent(given);
        return finding(checkId, findingId);
    }

    /** The target operator acknowledges a notice (name, now); no other operator may. */
    @Transactional
    public CheckFinding acknowledge(Actor actor, long checkId, long findingId, String name) {
        SpotCheckView check = answerable(actor, checkId);
        OnSiteNotice notice = new OnSiteNotice(finding(check.id(), findingId));
        OnSiteNoticeAcknowledged done = notice.acknowledge(name);
        answer(findingId, NoticeState.ACKNOWLEDGED, done.name(), null, actor);
        events.publishEvent(done);
        return finding(checkId, findingId);
    }

    /** The target operator refuses to acknowledge a notice, with its reason. */
    @Transactional
    public CheckFinding refuse(Actor actor, long checkId, long findingId, String reason) {
        SpotCheckView check = answerable(actor, checkId);
        OnSiteNotice notice = new OnSiteNotice(finding(check.id(), findingId));
        OnSiteNoticeRefused done = notice.refuse(reason);
        answer(findingId, NoticeState.REFUSED, null, done.reason(), actor);
        events.publishEvent(done);
        return finding(checkId, findingId);
    }

    private SpotCheckView answerable(Actor actor, long checkId) {
        SpotCheckView check = checks.get(actor, checkId);
        if (!SpotCheckAccess.mayAnswer(actor, check)) {
            // a group company sees its companies' checks, but only the inspected operator answers for itself
            throw new InvalidInputException("", "spotcheck.notice.notTarget");
        }
        return check;
    }

    private void answer(long findingId, NoticeState to, String name, String reason, Actor actor) {
        if (!repository.answer(findingId, to, name, reason, actor.username(), clock.instant())) {
            throw new ConflictException("spotcheck.conflict.stale");
        }
    }

    /** A team member marks a finding of the check major (重大问题): on the Ministry's list in this transaction. */
    @Transactional
    public CheckFinding markMajor(Actor actor, long checkId, long findingId, String reason) {
        SpotCheckView check = checks.get(actor, checkId);
        CheckFinding f = finding(checkId, findingId);
        if (!SpotCheckAccess.mayWork(actor, check)) {
            throw new AccessDeniedException("only the team marks major problems, while the check is in progress");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = text("majorReason", reason, SpotCheck.MAX_REASON, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        markMajor(check, f, text, clock.instant());
        return finding(checkId, findingId);
    }

    private void markMajor(SpotCheckView check, CheckFinding f, String reason, Instant now) {
        if (!repository.markMajor(f.findingId(), reason, now)) {
            throw new ConflictException("spotcheck.conflict.major");
        }
        events.publishEvent(new MajorProblemReported(check.id(), f.findingId(), check.targetOrganisationId(),
                check.targetProvinceCode(), f.networkUnitId(), reason));
    }

    private CheckFinding finding(long checkId, long findingId) {
        return repository.finding(checkId, findingId).orElseThrow(() -> new NotFoundException("finding", findingId));
    }

    // --- input -----------------------------------------------------------------------------------

    static InspectionMethod method(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("method", "spotcheck.field.required"));
            return null;
        }
        try {
            return InspectionMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("method", "spotcheck.field.unknownValue", text.strip()));
            return null;
        }
    }

    private Instant moment(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "spotcheck.field.required"));
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "spotcheck.field.dateTime", text.strip()));
            return null;
        }
    }

    static String text(String field, String value, int max, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem(field, "spotcheck.field.required"));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "spotcheck.field.tooLong", max));
        }
        return text;
    }
}
