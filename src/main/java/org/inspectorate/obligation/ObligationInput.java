package org.inspectorate.obligation;

/**
 * An evaluation or assessment as entered (strings, validated by {@link Obligations}).
 *
 * @param kind          CONFORMITY_EVALUATION or RISK_ASSESSMENT
 * @param performedOn   ISO date the evaluation or assessment was performed
 * @param performedBy   the organisation or agency that performed it
 * @param outcome       PASS, PASS_WITH_ISSUES or FAIL
 * @param rectification the rectification status or plan (required unless the outcome is PASS)
 * @param reportedOn    ISO date the result reached the filing authority, if it has
 */
public record ObligationInput(String kind, String performedOn, String performedBy, String outcome, String summary,
        String rectification, String reportedOn) {
}
