package org.inspectorate.finding;

import java.time.Clock;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A finding's evidence files (证明材料): attached by operators and regulators who see the finding (and noted
 * in its history), listed and downloaded within the jurisdiction (otherwise {@link NotFoundException}).
 */
@Service
public class FindingEvidence {

    /** The owner kind under which findings' evidence files are kept. */
    static final String KIND = "finding";

    private final FindingQueries queries;
    private final FindingRegister register;
    private final FindingAccess access;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingEvidence(FindingQueries queries, FindingRegister register, FindingAccess access, Evidence evidence,
            ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.register = register;
        this.access = access;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** Attaches an evidence file to the finding (operators and regulators who see it), recorded in its history. */
    @Transactional
    public EvidenceFile attach(Actor actor, long id, String fileName, byte[] content) {
        Finding f = queries.get(actor, id);
        if (!access.mayOpen(actor)) {
            throw new AccessDeniedException("only operators and regulators open findings");
        }
        EvidenceFile file = evidence.attach(actor, KIND, id, f.organisationId(), fileName, content);
        register.evidenceAttached(id, file, actor.username(), clock.instant());
        return file;
    }

    /** The finding's evidence files, oldest first. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> list(Actor actor, long id) {
        queries.get(actor, id);
        return evidence.list(actor, KIND, id);
    }

    /** The finding's evidence files listed through the API: as {@link #list}, and the view is audited. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> view(Actor actor, long id) {
        List<EvidenceFile> files = list(actor, id);
        events.publishEvent(new FindingEvidenceViewed(id, files.size()));
        return files;
    }

    /** One of the finding's evidence files with its bytes; the download is audited. */
    @Transactional
    public EvidenceDownload download(Actor actor, long id, long evidenceId) {
        queries.get(actor, id);
        return evidence.download(actor, KIND, id, evidenceId);
    }
}
