package org.inspectorate.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Uploaded reports and unmatched findings wait in temporary files; each is deleted once it is done with. */
final class TempFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /** Deletes the file if there is one; a file that cannot be deleted is logged, never a failure. */
    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}", file);
            }
        }
    }
}
