package org.inspectorate.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * What an officer writes into a new notice: the findings it covers (all of one operator, in the officer's area),
 * the articles it cites, the deadline of the reply and the body text (the reply required: rectification and
 * accountability, 整改及问责情况).
 */
public record NoticeDraft(List<Long> findingIds, List<LegalBasis> basis, LocalDate deadline, String body) {

    public NoticeDraft {
        findingIds = findingIds == null ? List.of() : findingIds.stream().distinct().toList();
        basis = basis == null ? List.of() : basis.stream().distinct().toList();
        body = body == null || body.isBlank() ? null : body.strip();
    }
}
