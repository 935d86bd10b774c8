package org.inspectorate.filing.attachment;

/** A unit attachment's bytes for download, with the name, sniffed type and SHA-256 it was stored with. */
public record UnitAttachmentFile(String fileName, String contentType, byte[] content, String sha256) {

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitAttachmentFile f && f.sha256.equals(sha256) && f.fileName.equals(fileName);
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
