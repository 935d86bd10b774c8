package org.inspectorate.ingest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The form in which the findings of an unmatched host wait for its assignment (in a temporary file while the
 * report is read, then in {@code import_staged_finding}): each {@link ScannedFinding} as one line of JSON.
 */
final class StagedFindings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StagedFindings() {
    }

    static String write(ScannedFinding finding) {
        return JSON.writeValueAsString(finding);
    }

    static ScannedFinding read(String payload) {
        return JSON.readValue(payload, ScannedFinding.class);
    }
}
