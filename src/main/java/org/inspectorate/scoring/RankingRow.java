package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.time.Instant;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;

/**
 * One approved sheet in a ranking (排名): its rank among the sheets of the same year, operator type and province
 * (equal totals share a rank, the next rank counts them: 1, 2, 2, 4), the operator and the total.
 */
public record RankingRow(int rank, long sheetId, long spotCheckId, long operatorId, String operatorName,
        OrganisationType operatorType, Province province, int year, BigDecimal total, boolean vetoed,
        boolean outsideDraw, String approvedBy, Instant approvedAt) {
}
