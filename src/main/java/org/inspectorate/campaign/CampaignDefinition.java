package org.inspectorate.campaign;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.OrganisationType;

/**
 * A campaign definition (检查工作方案) as parsed from its file: immutable, and valid by construction
 * (only {@code CampaignParser} makes one, after every rule in docs/campaign-schema.md has passed).
 */
public record CampaignDefinition(String code, int year, LocalizedText title, String reference,
        List<LegalBasis> basis, List<FocusObject> focusObjects, List<OrganisationType> operatorTypes,
        List<CheckMethod> spotCheckMethods, List<ChecklistGroup> checklist, List<Deadline> deadlines,
        Map<Severity, Integer> slaDays, List<SamplingRule> sampling, List<ScoringStandard> scoring) {

    public CampaignDefinition {
        basis = List.copyOf(basis);
        focusObjects = List.copyOf(focusObjects);
        operatorTypes = List.copyOf(operatorTypes);
        spotCheckMethods = List.copyOf(spotCheckMethods);
        checklist = List.copyOf(checklist);
        deadlines = List.copyOf(deadlines);
        slaDays = Collections.unmodifiableMap(new EnumMap<>(slaDays));
        sampling = List.copyOf(sampling);
        scoring = List.copyOf(scoring);
    }

    /** Every checklist item, group by group, in the file's order. */
    public List<ChecklistItem> checklistItems() {
        return checklist.stream().flatMap(g -> g.items().stream()).toList();
    }

    public Optional<ChecklistItem> checklistItem(String id) {
        return checklistItems().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Whether organisations of this type take part in the campaign (self-inspect and may be drawn). */
    public boolean inScope(OrganisationType type) {
        return operatorTypes.contains(type);
    }

    /** The deadline of {@code kind} that applies to organisations of {@code type}, if the campaign sets one. */
    public Optional<Deadline> deadlineFor(DeadlineKind kind, OrganisationType type) {
        return deadlines.stream().filter(d -> d.kind() == kind && d.appliesTo(type)).findFirst();
    }

    /** Days allowed to rectify a finding of {@code severity} (整改时限). */
    public int slaDays(Severity severity) {
        return slaDays.get(severity);
    }

    /** The scoring standard applied to spot checks of organisations of {@code type}, if any. */
    public Optional<ScoringStandard> scoringStandardFor(OrganisationType type) {
        return scoring.stream().filter(s -> s.appliesTo().contains(type)).findFirst();
    }
}
