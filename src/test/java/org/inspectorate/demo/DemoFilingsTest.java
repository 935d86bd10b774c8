package org.inspectorate.demo;

import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.obligation.Obligation;
import org.inspectorate.obligation.ObligationKind;
import org.inspectorate.obligation.ObligationQuery;
import org.inspectorate.obligation.ObligationStatus;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoFilingsTest {

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    UnitAttachments attachments;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private Actor operatorOf(String key) {
        DemoOrganisation d = DemoDirectory.organisations().stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow();
        Organisation org = organisations.findByCreditCodeUnscoped(d.creditCode()).orElseThrow();
        return new Actor(0, "test", org.id(), org.type(), org.province(), Set.of(Role.OPERATOR_ADMIN));
    }

    @Test
    void everyDemoOperatorHasUnitsInEveryStateWithOverdueFilingsAndObligationsAndASecondRunAddsNothing() {
        new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions)).load();
        DemoFilings filings = new DemoFilings(organisations, units, obligations, attachments,
                new TransactionTemplate(transactions), clock);
        filings.load();
        assertThat(filings.load()).isZero();

        LocalDate today = LocalDate.now(clock);
        for (String key : DemoFilings.OPERATORS) {
            Actor operator = operatorOf(key);
            List<NetworkUnitSummary> mine = units.list(operator, UnitQuery.all(), PageRequest.first(200)).items();
            assertThat(mine).as(key).hasSize(7);
            assertThat(mine.stream().map(NetworkUnitSummary::state).collect(Collectors.toSet())).as(key)
                    .containsExactlyInAnyOrder(FilingState.FILED, FilingState.SUBMITTED, FilingState.RETURNED,
                            FilingState.DRAFT);
            assertThat(mine).filteredOn(u -> u.state() == FilingState.FILED).hasSize(3)
                    .allSatisfy(u -> assertThat(u.filingNumber()).matches("\\d{6}-\\d{4}-\\d{6}"));
            assertThat(mine).as("a draft past its filing deadline")
                    .anySatisfy(u -> assertThat(u.dueOn()).isBefore(today));
            NetworkUnitSummary returned = mine.stream().filter(u -> u.state() == FilingState.RETURNED).findFirst()
                    .orElseThrow();
            NetworkUnit detail = units.get(operator, returned.id());
            assertThat(detail.lastDecisionReasons()).isNotBlank();
            assertThat(attachments.list(operator, returned.id())).as("the returned unit's attachments")
                    .extracting(a -> a.kind().name() + " " + a.contentType())
                    .containsExactlyInAnyOrder("TOPOLOGY image/png", "FILING_REPORT application/pdf");

            List<Obligation> owed = obligations.list(operator, ObligationQuery.all(), PageRequest.first(200)).items();
            assertThat(owed).as(key).anySatisfy(o -> {
                assertThat(o.kind()).isEqualTo(ObligationKind.CONFORMITY_EVALUATION);
                assertThat(o.status()).isEqualTo(ObligationStatus.OVERDUE);
            });
            assertThat(owed).anySatisfy(o -> {
                assertThat(o.kind()).isEqualTo(ObligationKind.RESULT_REPORT);
                assertThat(o.status()).isEqualTo(ObligationStatus.OVERDUE);
            });
            assertThat(owed).anySatisfy(o -> assertThat(o.status()).isEqualTo(ObligationStatus.DUE_SOON));
            assertThat(owed).anySatisfy(o -> assertThat(o.status()).isEqualTo(ObligationStatus.DONE));
        }
    }
}
