package org.inspectorate.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a filing says about a network unit (one version's content), every field validated: the
 * record kept, field for field, in the version history.
 */
public record UnitContent(String name, NetworkCategory category, String description, String keyLocations,
        String responsiblePerson, String responsibleContact, GradeLevel gradeLevel, String gradingReasoning,
        LocalDate gradingReviewedOn, String mainHardware, String securitySystems, String baseSoftware,
        String applicationSoftware, String protocolsAndPorts, LifecycleStage lifecycleStage, List<Asset> assets) {

    public UnitContent {
        Objects.requireNonNull(name);
        Objects.requireNonNull(category);
        Objects.requireNonNull(gradeLevel);
        Objects.requireNonNull(lifecycleStage);
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    /** The fields that differ from {@code before} to this content, in form order. */
    List<FieldChange> changesSince(UnitContent before) {
        List<FieldChange> changes = new ArrayList<>();
        text(changes, "name", before.name, name);
        if (before.category != category) {
            changes.add(new FieldChange("category", before.category.name(), category.name(), "filing.category."));
        }
        text(changes, "description", before.description, description);
        text(changes, "keyLocations", before.keyLocations, keyLocations);
        text(changes, "responsiblePerson", before.responsiblePerson, responsiblePerson);
        text(changes, "responsibleContact", before.responsibleContact, responsibleContact);
        if (before.gradeLevel != gradeLevel) {
            changes.add(new FieldChange("gradeLevel", before.gradeLevel.code(), gradeLevel.code(), "filing.level."));
        }
        text(changes, "gradingReasoning", before.gradingReasoning, gradingReasoning);
        text(changes, "gradingReviewedOn", String.valueOf(before.gradingReviewedOn), String.valueOf(gradingReviewedOn));
        text(changes, "mainHardware", before.mainHardware, mainHardware);
        text(changes, "securitySystems", before.securitySystems, securitySystems);
        text(changes, "baseSoftware", before.baseSoftware, baseSoftware);
        text(changes, "applicationSoftware", before.applicationSoftware, applicationSoftware);
        text(changes, "protocolsAndPorts", before.protocolsAndPorts, protocolsAndPorts);
        if (before.lifecycleStage != lifecycleStage) {
            changes.add(new FieldChange("lifecycleStage", before.lifecycleStage.name(), lifecycleStage.name(),
                    "filing.stage."));
        }
        Set<String> old = lines(before.assets);
        Set<String> now = lines(assets);
        Set<String> removed = new LinkedHashSet<>(old);
        removed.removeAll(now);
        Set<String> added = new LinkedHashSet<>(now);
        added.removeAll(old);
        if (!removed.isEmpty() || !added.isEmpty()) {
            changes.add(new FieldChange("assets", String.join("\n", removed), String.join("\n", added), null));
        }
        return changes;
    }

    private static Set<String> lines(List<Asset> assets) {
        Set<String> lines = new LinkedHashSet<>();
        assets.forEach(a -> lines.add(a.describe()));
        return lines;
    }

    private static void text(List<FieldChange> changes, String field, String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!b.equals(a)) {
            changes.add(new FieldChange(field, b, a, null));
        }
    }
}
