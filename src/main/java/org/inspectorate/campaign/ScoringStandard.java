package org.inspectorate.campaign;

import java.math.BigDecimal;
import java.util.List;

import org.inspectorate.organisation.OrganisationType;

/**
 * A scoring standard (考核要点与评分标准) for spot checks of the operator types it applies to; the
 * score feeds the operator's annual security assessment.
 */
public record ScoringStandard(String id, LocalizedText title, List<OrganisationType> appliesTo,
        List<ScoringCategory> categories) {

    public ScoringStandard {
        appliesTo = List.copyOf(appliesTo);
        categories = List.copyOf(categories);
    }

    public BigDecimal totalPoints() {
        return categories.stream().map(ScoringCategory::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
