package org.inspectorate.spotcheck;

import java.time.Instant;

/**
 * The operator's declaration after a check (检查纪律): no fee charged, no product or service required — or a breach,
 * whose text only the authority's leadership, the Ministry and the declaring operator read.
 */
public record DisciplineDeclaration(long spotCheckId, boolean breach, String breachText, String declaredBy,
        Instant declaredAt) {
}
