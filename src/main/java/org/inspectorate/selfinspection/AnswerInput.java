package org.inspectorate.selfinspection;

/**
 * An answer as typed or sent to the API: {@code answer} by name (COMPLIANT, NOT_COMPLIANT, NOT_APPLICABLE)
 * and notes. For a NOT_COMPLIANT answer that has no finding yet, the finding to open: network unit,
 * category and severity are required; the title defaults to the item's text and the owner to the
 * signed-in user; references and a CVSS v3.1 vector are optional. Field errors use these names.
 */
public record AnswerInput(String answer, String notes, String title, String severity, String category,
        Long networkUnitId, String asset, String ownerName, String references, String cvssVector) {

    public static AnswerInput of(String answer, String notes) {
        return new AnswerInput(answer, notes, null, null, null, null, null, null, null, null);
    }
}
