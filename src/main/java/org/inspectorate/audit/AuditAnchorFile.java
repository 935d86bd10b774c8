package org.inspectorate.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The newest anchor, kept automatically outside the database (审计锚点文件): after every append commits, the
 * node replaces the file {@code inspectorate.audit.anchor-file} (default {@code ./data/audit-anchor}) with the
 * new head, {@code seq:hash}. Every verification — page, actuator, command line — reads it before the head,
 * so the file can only lag the head, never lead it: an anchor beyond the head means the tail was cut and the
 * head rewound, an anchor whose entry now has another hash means the chain was recomputed.
 *
 * <p>Written after commit (a rolled-back entry must not become a witness), atomically (temporary file and
 * rename), and only forwards: a node never replaces a newer anchor it wrote by an older one. With several
 * nodes each keeps its own file, or all share one path (see docs/operations.md). A blank path switches the
 * file off; verification then says that a cut tail needs the anchor check.
 */
@Component
class AuditAnchorFile {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorFile.class);

    /** What the verification could learn about the tail from the file. */
    enum TailCheck {
        /** The file held an anchor, and it was checked. */
        ANCHORED,
        /** The file is configured but holds nothing yet (a new installation, or another working directory). */
        NO_ANCHOR_YET,
        /** No file configured: a cut tail is only found by verifying against anchors kept elsewhere. */
        NOT_CONFIGURED;

        String wire() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    record Reading(TailCheck check, Optional<AuditAnchor> anchor) {
    }

    private final Path file;
    private long written;

    AuditAnchorFile(@Value("${inspectorate.audit.anchor-file:}") String path) {
        this.file = path == null || path.isBlank() ? null : Path.of(path.strip()).toAbsolutePath();
    }

    boolean configured() {
        return file != null;
    }

    /** Replaces the file by {@code anchor} unless this node already wrote a newer one; never fails the caller. */
    synchronized void write(AuditAnchor anchor) {
        if (file == null || anchor.seq() <= written) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, anchor + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            written = anchor.seq();
        } catch (IOException e) {
            log.warn("Audit anchor {} not written to {}: {}", anchor, file, e.toString());
        }
    }

    /**
     * The anchor the file holds.
     *
     * @throws IllegalStateException when the file exists but does not read as an anchor: the witness itself
     *         was altered or damaged, which the caller reports as a broken verification
     */
    Reading read() {
        if (file == null) {
            return new Reading(TailCheck.NOT_CONFIGURED, Optional.empty());
        }
        if (!Files.exists(file)) {
            return new Reading(TailCheck.NO_ANCHOR_YET, Optional.empty());
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new Reading(TailCheck.ANCHORED, Optional.of(AuditAnchor.parseAll(text).get(0)));
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("the audit anchor file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return file == null ? "no anchor file" : file.toString();
    }
}
