package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.groups.Tuple;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class NetworkUnitsIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;

    private Organisation org(OrganisationType type, Province province) {
        return OrganisationFixtures.organisation(organisations, type, province, null);
    }

    private Actor officer(Province province) {
        return OrganisationFixtures.actor(org(OrganisationType.PROVINCIAL_ADMINISTRATION, province),
                Role.PROVINCIAL_OFFICER);
    }

    private Actor ministryOfficer() {
        return OrganisationFixtures.actor(org(OrganisationType.MINISTRY_BUREAU, null), Role.MINISTRY_OFFICER);
    }

    @Test
    void aFilingIsReturnedCorrectedResubmittedAndAcceptedWithAFilingNumberAndEveryVersionKept() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI),
                Role.OPERATOR_ADMIN);
        Actor officer = officer(Province.HUBEI);

        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站"));
        assertThat(draft.state()).isEqualTo(FilingState.DRAFT);
        assertThat(draft.authority()).isEqualTo(FilingAuthority.of(Province.HUBEI));
        assertThat(draft.dueOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(draft.content().assets()).extracting(Asset::value).containsExactly("portal.example.cn",
                "203.0.113.0/24");

        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        assertThat(units.reviewQueue(officer, PageRequest.first(200)).items()).extracting(NetworkUnitSummary::id)
                .contains(draft.id());

        NetworkUnit returned = units.returnForCorrection(officer, draft.id(), submitted.version(), "资产清单不完整");
        assertThat(returned.state()).isEqualTo(FilingState.RETURNED);
        assertThat(returned.lastDecisionReasons()).isEqualTo("资产清单不完整");

        NetworkUnit corrected = units.update(operator, draft.id(), returned.version(), NetworkUnitFixtures.unitInput("门户网站",
                "3.2", List.of(new AssetInput("DOMAIN", "portal.example.cn", null),
                        new AssetInput("URL", "https://portal.example.cn/login", null))));
        assertThat(corrected.state()).isEqualTo(FilingState.DRAFT);
        assertThat(corrected.currentVersionNo()).isEqualTo(2);

        NetworkUnit resubmitted = units.submit(operator, draft.id(), corrected.version());
        NetworkUnit filed = units.accept(officer, draft.id(), resubmitted.version());

        assertThat(filed.state()).isEqualTo(FilingState.FILED);
        assertThat(filed.filingNumber()).matches("420000-\\d{4}-\\d{6}");
        assertThat(filed.inForceVersionNo()).isEqualTo(2);
        assertThat(filed.dueOn()).isNull();
        assertThat(units.versions(operator, draft.id())).extracting(UnitVersion::versionNo, UnitVersion::state)
                .containsExactly(Tuple.tuple(2, FilingState.FILED),
                        Tuple.tuple(1, FilingState.RETURNED));
        assertThat(units.compare(operator, draft.id(), 1, 2)).extracting(FieldChange::field)
                .containsExactly("gradeLevel", "assets");
    }

    @Test
    void aChangeToAFiledUnitKeepsTheFiledVersionInForceUntilTheChangeIsAccepted() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.BASIC_TELECOM_GROUP, null),
                Role.OPERATOR_STAFF);
        Actor ministry = ministryOfficer();
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("计费系统"));
        unit = units.accept(ministry, unit.id(), units.submit(operator, unit.id(), unit.version()).version());
        String number = unit.filingNumber();
        assertThat(number).startsWith("000000-");

        NetworkUnit change = units.update(operator, unit.id(), unit.version(), NetworkUnitFixtures.unitInput("计费系统（新）"));
        assertThat(change.kind()).isEqualTo(FilingKind.CHANGE);
        assertThat(change.state()).isEqualTo(FilingState.DRAFT);
        assertThat(change.inForceVersionNo()).isEqualTo(1);
        assertThat(change.dueOn()).isNotNull();
        assertThat(units.versionContent(operator, unit.id(), 1).name()).isEqualTo("计费系统");

        change = units.accept(ministry, unit.id(), units.submit(operator, unit.id(), change.version()).version());
        assertThat(change.filingNumber()).isEqualTo(number);
        assertThat(change.inForceVersionNo()).isEqualTo(2);
        assertThat(units.versions(operator, unit.id())).extracting(UnitVersion::state)
                .containsExactly(FilingState.FILED, FilingState.SUPERSEDED);
    }

    @Test
    void editingAUnitUnderReviewIsAConflict() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.HUNAN),
                Role.OPERATOR_ADMIN);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("邮件系统"));
        NetworkUnit submitted = units.submit(operator, unit.id(), unit.version());

        assertThatThrownBy(() -> units.update(operator, unit.id(), submitted.version(), NetworkUnitFixtures.unitInput("x")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("filing.conflict.underReview"));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.HUNAN),
                Role.OPERATOR_ADMIN);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("旧名称"));
        units.update(operator, unit.id(), unit.version(), NetworkUnitFixtures.unitInput("新名称"));

        assertThatThrownBy(() -> units.update(operator, unit.id(), unit.version(), NetworkUnitFixtures.unitInput("另一个名称")))
                .isInstanceOf(ConflictException.class);
        assertThat(units.get(operator, unit.id()).content().name()).isEqualTo("新名称");
    }

    @Test
    void twoOfficersDecidingTheSameFilingSequentiallyOnlyTheFirstWins() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.JILIN),
                Role.OPERATOR_ADMIN);
        Actor first = officer(Province.JILIN);
        Actor second = officer(Province.JILIN);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("公有云"));
        int version = units.submit(operator, unit.id(), unit.version()).version();

        units.accept(first, unit.id(), version);
        assertThatThrownBy(() -> units.returnForCorrection(second, unit.id(), version, "不完整"))
                .isInstanceOf(ConflictException.class);
        assertThat(units.get(operator, unit.id()).state()).isEqualTo(FilingState.FILED);
    }

    @Test
    void twoOfficersDecidingTheSameFilingAtOnceExactlyOneWins() throws Exception {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.GANSU),
                Role.OPERATOR_ADMIN);
        Actor first = officer(Province.GANSU);
        Actor second = officer(Province.GANSU);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("车联网平台"));
        int version = units.submit(operator, unit.id(), unit.version()).version();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> decisions = List.of(
                () -> { start.await(); return units.accept(first, unit.id(), version).state().name(); },
                () -> { start.await(); return units.returnForCorrection(second, unit.id(), version, "补正").state().name(); });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> futures = new ArrayList<>();
            decisions.forEach(d -> futures.add(pool.submit(d)));
            start.countDown();
            int wins = 0;
            int conflicts = 0;
            for (Future<String> f : futures) {
                try {
                    f.get();
                    wins++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    conflicts++;
                }
            }
            assertThat(wins).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(units.versions(operator, unit.id())).hasSize(1)
                .first().extracting(UnitVersion::state).isIn(FilingState.FILED, FilingState.RETURNED);
    }

    @Test
    void operatorsSeeOnlyTheirOwnOrganisationsUnits() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.ANHUI),
                Role.OPERATOR_ADMIN);
        Actor other = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.ANHUI),
                Role.OPERATOR_ADMIN);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("移动应用"));

        assertThatThrownBy(() -> units.get(other, unit.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.submit(other, unit.id(), unit.version())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.update(other, unit.id(), unit.version(), NetworkUnitFixtures.unitInput("x")))
                .isInstanceOf(NotFoundException.class);
        assertThat(units.list(other, UnitQuery.all(), PageRequest.first(200)).items())
                .extracting(NetworkUnitSummary::id).doesNotContain(unit.id());
    }

    @Test
    void onlyTheRoutedAuthorityReviews() {
        Actor provincialOperator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE,
                Province.YUNNAN), Role.OPERATOR_ADMIN);
        Actor registrar = OrganisationFixtures.actor(org(OrganisationType.DOMAIN_REGISTRAR, Province.YUNNAN),
                Role.OPERATOR_ADMIN);
        Actor yunnan = officer(Province.YUNNAN);
        Actor guizhou = officer(Province.GUIZHOU);
        Actor ministry = ministryOfficer();
        NetworkUnit local = units.create(provincialOperator, NetworkUnitFixtures.unitInput("DNS"));
        NetworkUnit national = units.create(registrar, NetworkUnitFixtures.unitInput("注册系统"));
        int localVersion = units.submit(provincialOperator, local.id(), local.version()).version();
        int nationalVersion = units.submit(registrar, national.id(), national.version()).version();

        assertThatThrownBy(() -> units.get(guizhou, local.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.accept(guizhou, local.id(), localVersion)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.accept(yunnan, national.id(), nationalVersion))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.accept(ministry, local.id(), localVersion))
                .isInstanceOf(NotFoundException.class);
        assertThat(units.reviewQueue(yunnan, PageRequest.first(200)).items()).extracting(NetworkUnitSummary::id)
                .contains(local.id()).doesNotContain(national.id());
        assertThat(units.reviewQueue(ministry, PageRequest.first(200)).items()).extracting(NetworkUnitSummary::id)
                .contains(national.id()).doesNotContain(local.id());
        assertThat(units.accept(ministry, national.id(), nationalVersion).filingNumber()).startsWith("000000-");
    }

    @Test
    void badInputNamesEveryFieldAndSavesNothing() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.QINGHAI),
                Role.OPERATOR_ADMIN);
        long before = units.list(operator, UnitQuery.all(), PageRequest.first(1)).total();
        UnitInput bad = NetworkUnitFixtures.unitInput("", "3.3", List.of(new AssetInput("CIDR", "10.0.0.1/8", null),
                new AssetInput("DOMAIN", "bad..example", null), new AssetInput("URL", "ftp://x.cn", null),
                new AssetInput("IP_ADDRESS", "1.2.3.4", "99999")));

        assertThatThrownBy(() -> units.create(operator, bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "gradeLevel", "assets[0].value", "assets[1].value",
                                "assets[2].value", "assets[3].openPorts"));
        assertThat(units.list(operator, UnitQuery.all(), PageRequest.first(1)).total()).isEqualTo(before);
    }

    @Test
    void returningAFilingNeedsReasons() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.TIBET),
                Role.OPERATOR_ADMIN);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("WLAN"));
        int version = units.submit(operator, unit.id(), unit.version()).version();

        assertThatThrownBy(() -> units.returnForCorrection(officer(Province.TIBET), unit.id(), version, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reasons"));
    }

    @Test
    void decommissioningIsAFilingAndARetiredUnitCannotBeChanged() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.LIAONING),
                Role.OPERATOR_ADMIN);
        Actor officer = officer(Province.LIAONING);
        NetworkUnit unit = units.create(operator, NetworkUnitFixtures.unitInput("旧视频平台"));
        NetworkUnit filed = units.accept(officer, unit.id(), units.submit(operator, unit.id(), unit.version()).version());

        NetworkUnit pending = units.decommission(operator, unit.id(), filed.version());
        assertThat(pending.state()).isEqualTo(FilingState.SUBMITTED);
        assertThat(pending.kind()).isEqualTo(FilingKind.DECOMMISSION);
        assertThat(pending.content().lifecycleStage()).isEqualTo(LifecycleStage.RETIRED);
        assertThat(pending.inForceVersionNo()).isEqualTo(1);

        NetworkUnit retired = units.accept(officer, unit.id(), pending.version());
        assertThat(retired.retired()).isTrue();
        assertThat(retired.inForceVersionNo()).isEqualTo(2);
        assertThat(retired.filingNumber()).isEqualTo(filed.filingNumber());
        assertThatThrownBy(() -> units.update(operator, unit.id(), retired.version(), NetworkUnitFixtures.unitInput("复活")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("filing.conflict.retired"));
        assertThatThrownBy(() -> units.decommission(operator, unit.id(), retired.version()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void additionsFromAScanBecomeAChangeFilingDraftOfAFiledUnitWithPortsMergedAndNothingSubmitted() {
        Actor operator = OrganisationFixtures.actor(org(OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI),
                Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "3.1",
                List.of(new AssetInput("IP_ADDRESS", "203.0.113.7", "443"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        NetworkUnit filed = units.accept(officer(Province.HUBEI), draft.id(), submitted.version());

        NetworkUnit proposed = units.proposeAdditions(operator, filed.id(), new FilingAdditions(List.of(
                new AssetInput("IP_ADDRESS", "203.0.113.7", "443,8443"),
                new AssetInput("IP_ADDRESS", "203.0.113.9", "22")), "8443/tcp https"));

        assertThat(proposed.state()).isEqualTo(FilingState.DRAFT);
        assertThat(proposed.kind()).isEqualTo(FilingKind.CHANGE);
        assertThat(proposed.currentVersionNo()).isEqualTo(2);
        assertThat(proposed.inForceVersionNo()).isEqualTo(1);
        assertThat(proposed.content().assets()).extracting(Asset::value, Asset::openPorts).containsExactly(
                Tuple.tuple("203.0.113.7", "443,8443"), Tuple.tuple("203.0.113.9", "22"));
        assertThat(proposed.content().protocolsAndPorts()).endsWith("8443/tcp https");
        assertThat(units.proposeAdditions(operator, filed.id(), new FilingAdditions(List.of(), null)).version())
                .isEqualTo(proposed.version());
        assertThatThrownBy(() -> units.proposeAdditions(officer(Province.HUBEI), filed.id(),
                new FilingAdditions(List.of(new AssetInput("IP_ADDRESS", "203.0.113.10", null)), null)))
                .isInstanceOf(NotFoundException.class);
    }
}
