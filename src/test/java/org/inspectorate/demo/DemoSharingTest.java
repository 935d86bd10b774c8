package org.inspectorate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.sharing.DataRequestState;
import org.inspectorate.sharing.DataRequestView;
import org.inspectorate.sharing.DataRequests;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoSharingTest {

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DataRequests requests;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void thePublicSecurityUserHasOnePendingRequestForTheBeijingOfficerAndASecondRunAddsNothing() {
        new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions)).load();
        DemoSharing sharing = new DemoSharing(organisations, accounts, requests, new TransactionTemplate(transactions),
                clock);
        sharing.load();
        UserAccount account = accounts.findByUsernameUnscoped("otherdept").orElseThrow();
        Organisation department = organisations.findUnscoped(account.organisationId()).orElseThrow();
        Actor police = new Actor(account.id(), account.username(), department.id(), department.type(),
                department.province(), Set.of(Role.OTHER_DEPARTMENT_USER));
        DataRequestView pending = requests.list(police, PageRequest.first(5)).items().get(0);
        assertThat(pending.state()).isEqualTo(DataRequestState.SUBMITTED);
        assertThat(pending.decidingProvince()).isEqualTo("110000");
        assertThat(sharing.load()).isNull();
        assertThat(requests.list(police, PageRequest.first(5)).total()).isEqualTo(1);
    }
}
