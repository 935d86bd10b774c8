package org.inspectorate.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring standards (考核要点与评分标准): the versions in force, their history, and the Ministry's import of a
 * replacement as campaign data. An imported document is validated whole (every problem named with its path) and
 * becomes the next version of its code; sheets already opened keep the version they were opened against.
 */
@Service
public class ScoringStandards {

    private final StandardRepository standards;
    private final ScoringAccess access = new ScoringAccess();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoringStandards(StandardRepository standards, ApplicationEventPublisher events, Clock clock) {
        this.standards = standards;
        this.events = events;
        this.clock = clock;
    }

    /** The standards in force (the latest version of each code); 404 for those who take no part. */
    @Transactional(readOnly = true)
    public List<StoredStandard> current(Actor actor) {
        requireReader(actor);
        return standards.current();
    }

    /** A version of a standard, with its items; 404 when it does not exist. */
    @Transactional(readOnly = true)
    public StoredStandard get(Actor actor, long id) {
        requireReader(actor);
        return byId(id);
    }

    /** Every version of the standard {@code id} belongs to, latest first. */
    @Transactional(readOnly = true)
    public List<StoredStandard> versions(Actor actor, long id) {
        return standards.versions(get(actor, id).code());
    }

    /** Whether the actor may import a standard (the pages' form). */
    public boolean mayImport(Actor actor) {
        return access.mayImportStandards(actor);
    }

    /**
     * Imports {@code document} (JSON, the format of the shipped examples) as the next version of its code. A code
     * that claims an operator type another code already scores is refused: one standard per type.
     */
    @Transactional
    public StoredStandard importDocument(Actor actor, String document) {
        requireReader(actor);
        if (!access.mayImportStandards(actor)) {
            throw new AccessDeniedException("only the Ministry imports scoring standards");
        }
        ScoringStandard parsed = StandardDocuments.read(document, 1);
        for (StoredStandard other : standards.current()) {
            if (!other.code().equals(parsed.code()) && other.standard().operatorTypes().stream()
                    .anyMatch(parsed.operatorTypes()::contains)) {
                throw new InvalidInputException(StandardDocuments.FIELD, "scoring.standard.typeClaimed", other.code());
            }
        }
        int version = standards.nextVersion(parsed.code());
        ScoringStandard standard = new ScoringStandard(parsed.code(), version, parsed.title(), parsed.example(),
                parsed.operatorTypes(), parsed.vetoFloor(), parsed.categories());
        String canonical = StandardDocuments.canonical(document);
        String sha = sha256(canonical);
        long id;
        try {
            id = standards.insert(standard, canonical, sha, actor.username(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("scoring.conflict.standardRace", parsed.code());
        }
        events.publishEvent(new ScoringStandardImported(id, standard.code(), version, standard.items().size(), sha));
        return byId(id);
    }

    /** The standard in force for operators of {@code type}; a conflict when none scores that type. */
    StoredStandard forType(OrganisationType type) {
        return standards.current().stream().filter(s -> s.standard().operatorTypes().contains(type)).findFirst()
                .orElseThrow(() -> new ConflictException("scoring.sheet.noStandard", type.name()));
    }

    StoredStandard byId(long id) {
        return standards.find(id).orElseThrow(() -> new NotFoundException("scoring standard", id));
    }

    private void requireReader(Actor actor) {
        if (!access.maySeeStandards(actor)) {
            throw new NotFoundException("scoring standards", actor.username());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
