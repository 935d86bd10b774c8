package org.inspectorate.finding;

import org.springframework.context.ApplicationContext;

/**
 * For tests that change findings in SQL behind the register's back (to backdate them): the organisation's counters
 * recounted afterwards, as the register would have kept them.
 */
public final class FindingTallyFixture {

    private FindingTallyFixture() {
    }

    public static void recount(ApplicationContext context, long organisationId) {
        context.getBean(FindingTally.class).recount(organisationId);
    }
}
