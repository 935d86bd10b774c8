package org.inspectorate.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.finding.Category;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.sharing.DataRequestInput;
import org.inspectorate.sharing.DataRequestView;
import org.inspectorate.sharing.DataRequests;
import org.inspectorate.sharing.RecordType;
import org.inspectorate.system.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pending data request, through {@link DataRequests} acting as the public-security user ({@code otherdept},
 * 北京市公安局): the weak-password findings and the filings of 中国电信北京分公司, for 30 days, awaiting the Beijing
 * administration ({@code beijing}), so that the other department's home and the officer's queue are not empty.
 * Idempotent: a user who already asked is left alone.
 */
class DemoSharing {

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final DataRequests requests;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSharing(Organisations organisations, UserAccounts accounts, DataRequests requests,
            TransactionTemplate transaction, Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.requests = requests;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The request made, or {@code null} when the demo user had asked already. */
    DataRequestView load() {
        return transaction.execute(status -> {
            UserAccount account = accounts.findByUsernameUnscoped("otherdept").orElseThrow();
            Organisation department = organisations.findUnscoped(account.organisationId()).orElseThrow();
            Actor police = new Actor(account.id(), account.username(), department.id(), department.type(),
                    department.province(), Set.of(Role.OTHER_DEPARTMENT_USER));
            if (requests.list(police, PageRequest.first(1)).total() > 0) {
                return null;
            }
            LocalDate today = LocalDate.now(clock);
            return requests.request(police, new DataRequestInput(creditCode("telecom-bj"),
                    "侦办一起针对电信网络管理后台的入侵案件，需核实相关系统的弱口令问题及备案情况。",
                    "《中华人民共和国网络安全法》第二十八条；《公安机关办理刑事案件程序规定》",
                    Set.of(RecordType.FINDINGS, RecordType.FILINGS), Set.of(Category.WEAK_PASSWORD), Set.of(),
                    today.minusDays(180), today, today.plusDays(30), null), false);
        });
    }

    private static String creditCode(String key) {
        return DemoDirectory.organisations().stream().filter(d -> d.key().equals(key)).findFirst()
                .map(DemoOrganisation::creditCode).orElseThrow();
    }
}
