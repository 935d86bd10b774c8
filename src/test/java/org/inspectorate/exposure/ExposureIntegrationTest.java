package org.inspectorate.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Observed services and filing discrepancies end to end: the import session, both resolutions, counts, pages. */
@DatabaseTest
class ExposureIntegrationTest {

    @Autowired
    ObservedServices observed;
    @Autowired
    Discrepancies discrepancies;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    Organisations organisations;
    @Autowired
    MockMvc mvc;

    Organisation operatorOrg;
    Actor operator;
    Actor officer;
    Actor otherOfficer;
    NetworkUnit unit;
    long importId;

    @BeforeEach
    void setUp() {
        operatorOrg = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.GANSU, null);
        operator = OrganisationFixtures.actor(operatorOrg, Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GANSU, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.NINGXIA, null), Role.PROVINCIAL_OFFICER);
        // "HTTP/80, HTTPS/443" in the fixture's protocols and ports; the address lists 22 as open
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("兰州门户", "3.1",
                List.of(new AssetInput("IP_ADDRESS", "203.0.113.5", "22"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        unit = units.accept(officer, draft.id(), submitted.version());
        importId = System.nanoTime() % 1_000_000_000L;
    }

    private ObservationCounts observe(long importNo, ServiceObservation... seen) {
        try (ObservationSession session = observed.session(operator, operatorOrg.id(), importNo)) {
            for (ServiceObservation o : seen) {
                session.observe(o);
            }
            return session.finish();
        }
    }

    private ServiceObservation port(int port, String name) {
        return new ServiceObservation(unit.id(), "203.0.113.5", port, "tcp", name, "nginx", "1.24");
    }

    private ServiceDiscrepancy onlyDiscrepancy() {
        List<ServiceDiscrepancy> list = discrepancies.ofUnit(operator, unit.id(), PageRequest.first(20)).items();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void anImportStoresItsServicesOnceAndAReImportUpdatesTheirLastSighting() {
        ObservationCounts first = observe(importId, port(443, "https"), port(22, "ssh"), port(443, "https"));
        assertThat(first).isEqualTo(new ObservationCounts(3, 2, 0, 0));

        ObservationCounts again = observe(importId + 1, new ServiceObservation(unit.id(), "203.0.113.5", 443, "tcp",
                null, "nginx", "1.25"));
        assertThat(again).isEqualTo(new ObservationCounts(1, 0, 1, 0));

        List<ObservedService> list = observed.ofUnit(operator, unit.id(), PageRequest.first(20)).items();
        assertThat(list).extracting(ObservedService::port).containsExactly(22, 443);
        ObservedService https = list.get(1);
        assertThat(https.firstImportId()).isEqualTo(importId);
        assertThat(https.lastImportId()).isEqualTo(importId + 1);
        assertThat(https.serviceName()).isEqualTo("https"); // a sighting without a name keeps the known one
        assertThat(https.version()).isEqualTo("1.25");
        assertThat(https.lastSeenAt()).isAfterOrEqualTo(https.firstSeenAt());
    }

    @Test
    void anUndeclaredPortOpensADiscrepancyAndADeclaredOneDoesNot() {
        ObservationCounts counts = observe(importId, port(80, "http"), port(22, "ssh"), port(8080, "http-alt"));
        assertThat(counts.discrepanciesOpened()).isEqualTo(1);
        ServiceDiscrepancy d = onlyDiscrepancy();
        assertThat(d.service().address()).isEqualTo("203.0.113.5:8080/tcp");
        assertThat(d.state()).isEqualTo(DiscrepancyState.OPEN);
        // seen again: still one discrepancy
        assertThat(observe(importId + 1, port(8080, "http-alt")).discrepanciesOpened()).isZero();
        onlyDiscrepancy();
    }

    @Test
    void declaringDraftsAChangeFilingAndItsAcceptanceSettlesTheDiscrepancy() {
        observe(importId, port(8080, "http-alt"));
        ServiceDiscrepancy declared = discrepancies.declare(operator, onlyDiscrepancy().id());
        assertThat(declared.state()).isEqualTo(DiscrepancyState.DECLARED);

        NetworkUnit draft = units.get(operator, unit.id());
        assertThat(draft.state()).isEqualTo(FilingState.DRAFT);
        assertThat(draft.kind()).isEqualTo(FilingKind.CHANGE);
        assertThat(declared.declaredVersionNo()).isEqualTo(draft.currentVersionNo());
        assertThat(draft.content().assets()).anySatisfy(a -> {
            assertThat(a.value()).isEqualTo("203.0.113.5");
            assertThat(a.openPorts()).contains("8080");
        });
        assertThatConflict(() -> discrepancies.declare(operator, declared.id()));

        NetworkUnit submitted = units.submit(operator, unit.id(), draft.version());
        units.accept(officer, unit.id(), submitted.version());
        assertThat(discrepancies.get(operator, declared.id()).state()).isEqualTo(DiscrepancyState.SETTLED);
    }

    @Test
    void openingAFindingPutsAMisconfigurationInTheRegister() {
        observe(importId, port(8080, "http-alt"));
        ServiceDiscrepancy d = discrepancies.openFinding(operator, onlyDiscrepancy().id());
        assertThat(d.state()).isEqualTo(DiscrepancyState.FINDING_OPENED);
        Finding f = findings.get(operator, d.findingId());
        assertThat(f.category()).isEqualTo(Category.MISCONFIGURATION);
        assertThat(f.title()).contains("203.0.113.5:8080/tcp");
        assertThat(f.networkUnitId()).isEqualTo(unit.id());
        assertThatConflict(() -> discrepancies.openFinding(operator, d.id()));
    }

    @Test
    void regulatorsCountTheirOperatorsAndAnotherProvinceSeesNothing() throws Exception {
        observe(importId, port(8080, "http-alt"), port(9000, null));
        var mine = discrepancies.counts(officer, operatorOrg.name(), PageRequest.first(20));
        assertThat(mine.items()).singleElement().satisfies(o -> {
            assertThat(o.organisationId()).isEqualTo(operatorOrg.id());
            assertThat(o.open()).isEqualTo(2);
        });
        assertThat(discrepancies.counts(otherOfficer, operatorOrg.name(), PageRequest.first(20)).items()).isEmpty();
        long id = onlyOpen();
        try {
            discrepancies.get(otherOfficer, id);
            throw new AssertionError("another province reads the discrepancy");
        } catch (NotFoundException expected) {
            // 404
        }
        call(otherOfficer, get("/api/v1/units/{id}/discrepancies", unit.id())).andExpect(status().isNotFound());
        call(otherOfficer, get("/api/v1/units/{id}/observed-services", unit.id())).andExpect(status().isNotFound());
        call(operator, get("/api/v1/discrepancies/counts")).andExpect(status().isNotFound());
        call(officer, get("/api/v1/discrepancies/counts").param("q", operatorOrg.name()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].open").value(2));
        call(operator, get("/api/v1/units/{id}/observed-services", unit.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
    }

    private long onlyOpen() {
        return discrepancies.ofUnit(operator, unit.id(), PageRequest.first(20)).items().get(0).id();
    }

    @Test
    void theUnitSectionListsServicesAndOffersTheOperatorBothResolutions() throws Exception {
        observe(importId, port(8080, "http-alt"));
        long id = onlyOpen();
        call(operator, get("/units/{id}/exposure", unit.id()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"observed-services-table\"")))
                .andExpect(content().string(containsString("203.0.113.5:8080/tcp")))
                .andExpect(content().string(containsString("id=\"discrepancy-declare-" + id + "\"")))
                .andExpect(content().string(containsString("id=\"discrepancy-finding-open-" + id + "\"")));
        call(officer, get("/units/{id}/exposure", unit.id()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Observed services")))
                .andExpect(content().string(not(containsString("id=\"discrepancy-declare-"))));
        call(operator, get("/network-units/{id}", unit.id()))
                .andExpect(content().string(containsString("id=\"unit-exposure-link\"")));
        call(otherOfficer, get("/units/{id}/exposure", unit.id())).andExpect(status().isNotFound());

        call(operator, post("/discrepancies/{id}/declare", id)).andExpect(status().isForbidden());
        call(operator, post("/discrepancies/{id}/declare", id).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(discrepancies.get(operator, id).state()).isEqualTo(DiscrepancyState.DECLARED);
    }

    @Test
    void theRegulatorsPageListsTheirOperatorsAndShowsAnEmptyStateOtherwise() throws Exception {
        observe(importId, port(8080, "http-alt"));
        call(officer, get("/exposure/operators").param("q", operatorOrg.name())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"exposure-operator-" + operatorOrg.id() + "\"")))
                .andExpect(content().string(containsString("id=\"nav-exposure-operators\"")));
        call(otherOfficer, get("/exposure/operators").param("q", operatorOrg.name())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"exposure-operators-empty\"")));
        call(operator, get("/exposure/operators")).andExpect(status().isNotFound());
    }

    private static void assertThatConflict(Runnable r) {
        try {
            r.run();
            throw new AssertionError("no conflict");
        } catch (ConflictException expected) {
            assertThat(expected.code()).isEqualTo("exposure.conflict.state");
        }
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }
}
