package org.inspectorate.finding;

/** An evidence file with its bytes, for a download that has been audited already. */
public record EvidenceDownload(EvidenceFile file, byte[] content) {
}
