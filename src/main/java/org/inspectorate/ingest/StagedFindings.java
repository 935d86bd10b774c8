package org.inspectorate.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The staged finding. A finding staged before scanned items said whether they are informational carries
     * the severity {@code INFO} instead (and no {@code informational}): it is read as an informational item.
     */
    static ScannedFinding read(String payload) {
        JsonNode node = JSON.readTree(payload);
        if (node instanceof ObjectNode item && item.has("cvss3Vector")) {
            // staged before vectors of every CVSS version were kept under one name
            item.set("cvssVector", item.remove("cvss3Vector"));
        }
        if (node instanceof ObjectNode item && !item.has("informational")) {
            JsonNode severity = item.get("severity");
            boolean informational = severity == null || severity.isNull() || "INFO".equals(severity.asString());
            if (informational) {
                item.putNull("severity");
            }
            item.put("informational", informational);
        }
        return JSON.treeToValue(node, ScannedFinding.class);
    }
}
