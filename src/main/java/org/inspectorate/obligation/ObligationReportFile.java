package org.inspectorate.obligation;

import java.util.Optional;

import org.inspectorate.filing.attachment.UploadedFiles;

/**
 * An evaluation or assessment report as uploaded. Its type is what its bytes are, never what the
 * browser claims: PDF ({@code %PDF-}), DOCX or XLSX (a ZIP package holding {@code word/document.xml}
 * or {@code xl/workbook.xml}), PNG or JPEG. Anything else is refused.
 *
 * @param fileName the name to offer on download, without any directory part or control characters
 */
public record ObligationReportFile(String fileName, String contentType, byte[] content, String sha256) {

    static final int MAX_NAME = UploadedFiles.MAX_NAME;

    /** The file's type by its bytes, or empty when it is none of the accepted kinds. */
    static Optional<String> sniff(byte[] b) {
        return UploadedFiles.sniff(b);
    }

    /** The name without directories, control or quote characters, at most {@value #MAX_NAME} characters. */
    static String cleanName(String original) {
        return UploadedFiles.cleanName(original, "report");
    }

    static String sha256(byte[] content) {
        return UploadedFiles.sha256(content);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObligationReportFile f && f.sha256.equals(sha256) && f.fileName.equals(fileName);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes, sha256 " + sha256 + ")";
    }
}
