package org.inspectorate.filing.attachment;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Documents attached to a network unit's detail (topology diagram, filing report, other).
 * <ul>
 * <li>Whoever sees the unit ({@link NetworkUnits#get}) lists and downloads them; every download is audited.</li>
 * <li>Operators of the unit's organisation tree add and delete them while the unit is editable by the
 * rules of {@link NetworkUnits} (not under review, not retired).</li>
 * <li>Files are checked like evaluation reports: size limit, type by their bytes, SHA-256 kept.</li>
 * </ul>
 */
@Service
public class UnitAttachments {

    private final UnitAttachmentRepository repository;
    private final NetworkUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    UnitAttachments(UnitAttachmentRepository repository, NetworkUnits units, ApplicationEventPublisher events,
            Clock clock, @Value("${inspectorate.filing.max-attachment-size:10MB}") DataSize maxSize) {
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** An uploaded file as received: its name as the browser gave it, and its bytes. */
    public record Upload(String name, InputStream content) {
    }

    /** The largest file accepted, in MB (for the form's hint). */
    public long maxMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    /** The unit's attachments, newest first; 404 when the actor does not see the unit. */
    @Transactional(readOnly = true)
    public List<UnitAttachment> list(Actor actor, long unitId) {
        units.get(actor, unitId);
        return repository.list(unitId);
    }

    /** An attachment's bytes, for someone who sees the unit; the download is audited. */
    @Transactional
    public UnitAttachmentFile download(Actor actor, long unitId, long attachmentId) {
        units.get(actor, unitId);
        UnitAttachment a = repository.find(unitId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        byte[] content = repository.content(attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        events.publishEvent(new AttachmentDownloaded(attachmentId, unitId, a.fileName(), a.sha256()));
        return new UnitAttachmentFile(a.fileName(), a.contentType(), content, a.sha256());
    }

    /**
     * Attaches a file of the given kind to an editable unit of the actor's organisation tree. The kind
     * and the file are checked before anything is saved.
     */
    @Transactional
    public UnitAttachment add(Actor actor, long unitId, String kindInput, Upload upload) {
        units.requireEditable(actor, unitId);
        List<FieldProblem> problems = new ArrayList<>();
        AttachmentKind kind = kind(kindInput, problems);
        UploadedFiles.Checked file = null;
        if (upload == null) {
            problems.add(new FieldProblem("file", "filing.attachment.file.required"));
        } else {
            file = UploadedFiles.check(upload.name(), upload.content(), maxBytes, "attachment", "file",
                    "filing.attachment.file", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = repository.insert(unitId, kind, file, actor.username(), clock.instant());
        events.publishEvent(new AttachmentAdded(id, unitId, kind, file.fileName(), file.contentType(),
                file.content().length, file.sha256()));
        return repository.find(unitId, id).orElseThrow();
    }

    /** Removes an attachment of an editable unit of the actor's organisation tree. */
    @Transactional
    public void delete(Actor actor, long unitId, long attachmentId) {
        units.requireEditable(actor, unitId);
        UnitAttachment a = repository.find(unitId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        if (!repository.delete(unitId, attachmentId)) {
            throw new NotFoundException("attachment", attachmentId);
        }
        events.publishEvent(new AttachmentDeleted(attachmentId, unitId, a.kind(), a.fileName(), a.sha256()));
    }

    private static AttachmentKind kind(String input, List<FieldProblem> problems) {
        String s = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
        for (AttachmentKind k : AttachmentKind.values()) {
            if (k.name().equals(s)) {
                return k;
            }
        }
        problems.add(new FieldProblem("kind", s.isEmpty() ? "filing.attachment.kind.required"
                : "filing.attachment.kind.invalid"));
        return null;
    }
}
