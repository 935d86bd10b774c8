package org.inspectorate.sharing;

import java.time.LocalDate;
import java.util.Set;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;

/**
 * A data request as asked (调取申请): about which operator (by its unified social credit code), why, on which legal
 * basis, which records, of which period, and until when access is needed. {@code outsideRequester} names the
 * department that asked an operator directly (only when an operator records such a request; the operator is then
 * its own organisation and the credit code may be left out).
 */
public record DataRequestInput(String operatorCreditCode, String purpose, String legalBasis, Set<RecordType> records,
        Set<Category> categories, Set<Severity> severities, LocalDate periodFrom, LocalDate periodTo,
        LocalDate accessUntil, String outsideRequester) {

    public DataRequestInput {
        records = records == null ? Set.of() : Set.copyOf(records);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    /** The records asked for, as a scope. */
    public DataScope scope() {
        return new DataScope(records.contains(RecordType.FILINGS), records.contains(RecordType.FINDINGS),
                records.contains(RecordType.SELF_INSPECTION_REPORTS), categories, severities);
    }
}
