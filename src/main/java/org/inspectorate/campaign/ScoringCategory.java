package org.inspectorate.campaign;

import java.math.BigDecimal;
import java.util.List;

/** A category of a scoring standard (考核类别) and its items. */
public record ScoringCategory(String id, LocalizedText title, List<ScoringItem> items) {

    public ScoringCategory {
        items = List.copyOf(items);
    }

    public BigDecimal points() {
        return items.stream().map(ScoringItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
