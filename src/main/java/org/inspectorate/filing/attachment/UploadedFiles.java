package org.inspectorate.filing.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * Uploaded documents (unit attachments here, evaluation reports in {@code obligation}), checked the same way:
 * at most a size limit, not empty, and of a type its bytes prove — PDF ({@code %PDF-}), DOCX or XLSX
 * (a ZIP package holding {@code word/document.xml} or {@code xl/workbook.xml}), PNG or JPEG — never
 * what the browser claims; the name is cleaned and the SHA-256 computed.
 */
public final class UploadedFiles {

    public static final int MAX_NAME = 200;
    /** ZIP entries looked at before giving up on finding an Office part (a package lists them early). */
    private static final int MAX_ZIP_ENTRIES = 200;

    /** A file that passed the checks. */
    public record Checked(String fileName, String contentType, byte[] content, String sha256) {
    }

    private UploadedFiles() {
    }

    /**
     * Reads at most {@code maxBytes + 1} bytes and checks them; a problem is added under {@code field}
     * with the keys {@code <keyPrefix>.tooLarge} (argument: the limit in MB), {@code .empty} or
     * {@code .type}, and then the answer is null.
     */
    public static Checked check(String name, InputStream content, long maxBytes, String fallbackName, String field,
            String keyPrefix, List<FieldProblem> problems) {
        byte[] bytes;
        try (InputStream in = content) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            problems.add(new FieldProblem(field, keyPrefix + ".tooLarge", maxBytes / (1024 * 1024)));
            return null;
        }
        if (bytes.length == 0) {
            problems.add(new FieldProblem(field, keyPrefix + ".empty"));
            return null;
        }
        Optional<String> type = sniff(bytes);
        if (type.isEmpty()) {
            problems.add(new FieldProblem(field, keyPrefix + ".type"));
            return null;
        }
        return new Checked(cleanName(name, fallbackName), type.get(), bytes, sha256(bytes));
    }

    /** The file's type by its bytes, or empty when it is none of the accepted kinds. */
    public static Optional<String> sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            return officePackage(b);
        }
        return Optional.empty();
    }

    private static Optional<String> officePackage(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int seen = 0;
            while ((e = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                String name = e.getName();
                if (name.equals("word/document.xml")) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (name.equals("xl/workbook.xml")) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name without directories, control or quote characters, at most {@value #MAX_NAME} characters. */
    public static String cleanName(String original, String fallback) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        if (name.isEmpty()) {
            name = fallback;
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
