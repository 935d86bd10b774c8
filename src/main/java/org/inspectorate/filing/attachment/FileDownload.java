package org.inspectorate.filing.attachment;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file (an attachment, an evaluation report) as a download, for pages and the API alike. */
public final class FileDownload {

    private FileDownload() {
    }

    /** The file as an attachment: never shown inline, never type-guessed by the browser, with its SHA-256. */
    public static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content, String sha256) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + sha256)
                .contentType(MediaType.parseMediaType(contentType))
                .body(content);
    }
}
