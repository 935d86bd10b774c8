package org.inspectorate.finding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files (证明材料) kept in the database, for findings and for any later module that needs
 * them (self-inspection answers, spot checks): the public API. A file is attached to an owner record
 * named by a kind ({@code finding}, {@code selfinspection-answer}, …) and an id, and guarded by the
 * jurisdiction over its organisation: the caller checks the owner first, this class checks the
 * organisation again on every read. Its type is sniffed from the bytes; a name that claims another type
 * is refused; the size is limited ({@code inspectorate.evidence.max-size}, 10 MB by default); every
 * download is audited as {@code evidence.downloaded}.
 */
@Service
public class Evidence {

    private final EvidenceRepository repository;
    private final FindingConfiguration.EvidenceLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evidence(EvidenceRepository repository, FindingConfiguration.EvidenceLimits limits,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a file for the owner record, after checking its name, size and type (field {@code file}).
     * The caller has checked that the actor may change the owner record.
     */
    @Transactional
    public EvidenceFile attach(Actor actor, String ownerKind, long ownerId, long organisationId, String fileName,
            byte[] content) {
        String name = cleanName(fileName);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "evidence.empty");
        }
        if (content.length > limits.maxBytes()) {
            throw new InvalidInputException("file", "evidence.tooLarge", limits.maxBytes() / (1024 * 1024));
        }
        ContentSniffer.Kind sniffed = ContentSniffer.sniff(content)
                .orElseThrow(() -> new InvalidInputException("file", "evidence.unsupported", name));
        String extension = ContentSniffer.extension(name);
        if (!extension.isEmpty()) {
            Optional<ContentSniffer.Kind> claimed = ContentSniffer.Kind.claimedBy(extension);
            if (claimed.isEmpty()) {
                throw new InvalidInputException("file", "evidence.unsupported", name);
            }
            if (claimed.get() != sniffed) {
                throw new InvalidInputException("file", "evidence.mismatch", name, claimed.get().name(), sniffed.name());
            }
        }
        String contentType = sniffed == ContentSniffer.Kind.TEXT && "csv".equals(extension)
                ? "text/csv; charset=UTF-8" : sniffed.contentType;
        String sha256 = sha256(content);
        long id = repository.insert(ownerKind, ownerId, organisationId, name, contentType, content, sha256,
                actor.username(), clock.instant());
        events.publishEvent(new EvidenceAttached(id, ownerKind, ownerId, name, sniffed.name(), sha256));
        return repository.find(id, new SqlScope("1 = 1", Map.of())).orElseThrow();
    }

    /** The files of an owner record that the actor may see, oldest first. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> list(Actor actor, String ownerKind, long ownerId) {
        return repository.list(ownerKind, ownerId, actor.jurisdiction().organisationScope("e.organisation_id"));
    }

    /** The file's record, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public EvidenceFile get(Actor actor, long id) {
        return repository.find(id, actor.jurisdiction().organisationScope("e.organisation_id"))
                .orElseThrow(() -> new NotFoundException("evidence", id));
    }

    /**
     * The file and its bytes, if the actor may see it and it belongs to the named owner record
     * (otherwise {@link NotFoundException}); the download is audited.
     */
    @Transactional
    public EvidenceDownload download(Actor actor, String ownerKind, long ownerId, long id) {
        EvidenceFile file = get(actor, id);
        if (!file.ownerKind().equals(ownerKind) || file.ownerId() != ownerId) {
            throw new NotFoundException("evidence", id);
        }
        events.publishEvent(new EvidenceDownloaded(id, ownerKind, ownerId, file.fileName(), file.sha256()));
        return new EvidenceDownload(file, repository.content(id));
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}\"]", "_");
        if (name.isEmpty()) {
            throw new InvalidInputException("file", "evidence.nameRequired");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("file", "evidence.nameTooLong", 200);
        }
        return name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
