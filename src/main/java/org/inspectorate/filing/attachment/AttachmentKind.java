package org.inspectorate.filing.attachment;

/** What a unit attachment is: the network topology diagram, the filing report (备案报告), or another document. */
public enum AttachmentKind {
    TOPOLOGY, FILING_REPORT, OTHER;

    public String messageKey() {
        return "filing.attachment.kind." + name();
    }
}
