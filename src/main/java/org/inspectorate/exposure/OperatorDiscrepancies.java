package org.inspectorate.exposure;

/**
 * One operator's filing discrepancies as regulators count them (各单位备案不符统计).
 *
 * @param open          not yet acted on
 * @param declared      drafted into a change filing, not yet accepted
 * @param findingOpened a finding was opened instead
 * @param settled       an accepted filing now declares the port
 */
public record OperatorDiscrepancies(long organisationId, String name, long open, long declared, long findingOpened,
        long settled) {
}
