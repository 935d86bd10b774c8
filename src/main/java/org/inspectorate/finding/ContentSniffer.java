package org.inspectorate.finding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells a file's type from its bytes, never from its name: PDF, PNG, JPEG and GIF by their magic
 * numbers; DOCX, XLSX and PPTX as ZIP files whose {@code [Content_Types].xml} names the main part;
 * plain UTF-8 text (including CSV and logs). Everything else is unknown.
 */
final class ContentSniffer {

    /** The types accepted as evidence, with their content type and the file name extensions that claim them. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        GIF("image/gif", "gif"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        TEXT("text/plain; charset=UTF-8", "txt", "log", "csv", "md");

        final String contentType;
        final String[] extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        static Optional<Kind> claimedBy(String extension) {
            for (Kind k : values()) {
                for (String e : k.extensions) {
                    if (e.equals(extension)) {
                        return Optional.of(k);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;

    private ContentSniffer() {
    }

    static Optional<Kind> sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return Optional.of(Kind.PDF);
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(Kind.GIF);
        }
        if (starts(b, 'P', 'K', 0x03, 0x04)) {
            return office(b);
        }
        return text(b) ? Optional.of(Kind.TEXT) : Optional.empty();
    }

    /** The lower-case extension of a file name, or empty. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Optional<Kind> office(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if ("[Content_Types].xml".equals(entry.getName())) {
                    String types = new String(zip.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
                    if (types.contains("wordprocessingml.document.main+xml")) {
                        return Optional.of(Kind.DOCX);
                    }
                    if (types.contains("spreadsheetml.sheet.main+xml")) {
                        return Optional.of(Kind.XLSX);
                    }
                    if (types.contains("presentationml.presentation.main+xml")) {
                        return Optional.of(Kind.PPTX);
                    }
                    return Optional.empty();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean text(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
