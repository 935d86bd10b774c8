package org.inspectorate.filing.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploaded files for tests of the filing and obligation uploads: a minimal PDF, a ZIP of chosen entries. */
public final class UploadFixtures {

    private UploadFixtures() {
    }

    /** The smallest file the upload checks take for a PDF. */
    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A ZIP package holding the named entries (an Office file if one of them is its main part). */
    public static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
