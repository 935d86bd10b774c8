package org.inspectorate.filing;

import java.util.List;

/**
 * A network unit's details as typed by a person or sent to the API: raw text, checked field by field
 * by {@link NetworkUnits}. {@code gradeLevel} is written as filed ({@code 3.1}); dates are ISO
 * ({@code 2026-01-31}); enums by name.
 */
public record UnitInput(String name, String category, String description, String keyLocations,
        String responsiblePerson, String responsibleContact, String gradeLevel, String gradingReasoning,
        String gradingReviewedOn, String mainHardware, String securitySystems, String baseSoftware,
        String applicationSoftware, String protocolsAndPorts, String lifecycleStage, List<AssetInput> assets) {

    public UnitInput {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }
}
