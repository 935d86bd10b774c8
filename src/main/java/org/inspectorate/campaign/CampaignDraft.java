package org.inspectorate.campaign;

import java.util.List;
import java.util.Map;

/**
 * A campaign's latest version as its edit form shows it (编辑方案): the document, and the checklist, scoring and
 * sampling sections as YAML text each, keyed by section name.
 */
public record CampaignDraft(CampaignDocument document, Map<String, String> sections) {

    /** The sections the edit form shows as YAML text, each validated with its field paths. */
    public static final List<String> SECTIONS = CampaignEditor.SECTIONS;

    public CampaignDraft {
        sections = Map.copyOf(sections);
    }
}
