package org.inspectorate.selfinspection;

import java.time.Instant;

/** A stored answer to one checklist item; {@code findingId} is the finding a NOT_COMPLIANT answer opened. */
public record ItemAnswer(long id, long workspaceId, String itemId, Answer answer, String notes, Long findingId,
        String answeredBy, Instant answeredAt) {
}
