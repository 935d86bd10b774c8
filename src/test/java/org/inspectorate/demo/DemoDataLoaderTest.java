package org.inspectorate.demo;

import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.demo.DemoDirectory.DemoAccount;
import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.CreditCode;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserQuery;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
// The demo data is loaded in demo mode only, where its documented password is allowed (Passwords).
@TestPropertySource(properties = "inspectorate.demo=true")
class DemoDataLoaderTest {

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    private static final Actor SYSTEM = new Actor(0, "test", 0, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.SYSTEM_ADMIN));

    @Test
    void theDemoDirectoryIsValidCompleteAndDeterministic() {
        var all = DemoDirectory.organisations();
        assertThat(all).allSatisfy(o -> assertThat(CreditCode.problemWith(o.creditCode())).as(o.name()).isEmpty());
        assertThat(all.stream().map(DemoOrganisation::creditCode).distinct()).hasSize(all.size());
        assertThat(all.stream().filter(o -> o.type() == OrganisationType.PROVINCIAL_ADMINISTRATION)
                .map(DemoOrganisation::province).collect(Collectors.toSet())).containsExactlyInAnyOrder(Province.values());
        assertThat(all.stream().filter(o -> o.type() == OrganisationType.TESTING_AGENCY)).hasSize(3);
        assertThat(all.stream().filter(o -> o.type() == OrganisationType.BASIC_TELECOM_GROUP).map(DemoOrganisation::name))
                .containsExactlyInAnyOrder("中国电信集团有限公司", "中国移动通信集团有限公司", "中国联合网络通信集团有限公司",
                        "中国广播电视网络集团有限公司");
        assertThat(all.stream().filter(o -> o.licenceNumber() != null).map(DemoOrganisation::licenceNumber))
                .contains("京B2-20180001", "B2-20160026");
        assertThat(DemoDirectory.accounts().stream().map(DemoAccount::role).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Role.values());
        assertThat(DemoDirectory.organisations()).isEqualTo(all);
    }

    @Test
    void loadingCreatesValidDataAndLoadingAgainChangesNothing() {
        DemoDataLoader loader = new DemoDataLoader(organisations, accounts, new TransactionTemplate(transactions));

        // Another run on the same (PostgreSQL, MariaDB) database may have loaded some of it already.
        long orgsBefore = DemoDirectory.organisations().stream()
                .filter(o -> organisations.findByCreditCodeUnscoped(o.creditCode()).isPresent()).count();
        long usersBefore = DemoDirectory.accounts().stream().filter(a -> accounts.usernameTaken(a.username())).count();

        DemoDataLoader.Result first = loader.load();
        long orgsAfterFirst = jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
        long usersAfterFirst = jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
        DemoDataLoader.Result second = loader.load();

        assertThat(first.organisationsCreated()).isEqualTo(DemoDirectory.organisations().size() - orgsBefore);
        assertThat(first.accountsCreated()).isEqualTo(DemoDirectory.accounts().size() - usersBefore);
        assertThat(second).isEqualTo(new DemoDataLoader.Result(0, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single()).isEqualTo(orgsAfterFirst);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single()).isEqualTo(usersAfterFirst);
        assertThat(loader.present()).isTrue();

        Organisation beijingTelecom = organisations.findByCreditCodeUnscoped(DemoDirectory.organisations().stream()
                .filter(o -> o.key().equals("telecom-bj")).findFirst().orElseThrow().creditCode()).orElseThrow();
        Organisation telecom = organisations.findUnscoped(beijingTelecom.parentId()).orElseThrow();
        assertThat(telecom.name()).isEqualTo("中国电信集团有限公司");
        assertThat(beijingTelecom.province()).isEqualTo(Province.BEIJING);

        for (DemoAccount a : DemoDirectory.accounts()) {
            var found = accounts.search(SYSTEM, new UserQuery(a.username(), null, a.role(), true), PageRequest.first(5))
                    .items().stream().filter(s -> s.account().username().equals(a.username())).findFirst();
            assertThat(found).as(a.username()).isPresent();
            assertThat(found.get().account().roles()).containsExactly(a.role());
            assertThat(found.get().account().mustChangePassword()).isFalse();
            String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE username = :u")
                    .param("u", a.username()).query(String.class).single();
            assertThat(passwordEncoder.matches(DemoDirectory.PASSWORD, hash)).as(a.username()).isTrue();
        }
    }
}
