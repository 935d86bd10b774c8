package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.inspectorate.ingest.ImportFixtures.item;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Unmatched hosts at scale: natural order, pages, several hosts, a range or a domain in one step. */
@DatabaseTest
class ImportAssignmentsIntegrationTest {

    @Autowired
    ImportJobs jobs;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Organisation org;
    Actor operator;
    long portal;

    @BeforeEach
    void setUp() {
        org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN,
                null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        portal = units.create(operator, NetworkUnitFixtures.unitInput("门户", "PORTAL", "3.1",
                List.of(new AssetInput("IP_ADDRESS", "203.0.113.5", null)))).id();
    }

    private ImportJob run(byte[] report) throws Exception {
        Path file = Files.createTempFile("import-test", ".nessus");
        Files.write(file, report);
        ImportJob job = jobs.submit(operator, new ImportJobs.Submission(null, List.of(), null, "scan.nessus", file));
        long deadline = System.currentTimeMillis() + 60_000;
        while (job.state().active() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            job = jobs.get(operator, job.id());
        }
        assertThat(job.state()).as(job.errorKey() + " " + job.errorDetail()).isEqualTo(ImportState.SUCCEEDED);
        return job;
    }

    private List<String> hosts(ImportJob job, int page, int size) {
        return jobs.unmatched(operator, job.id(), new PageRequest(page, size, null, true)).items().stream()
                .map(UnmatchedHost::host).toList();
    }

    private long findings(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :org AND " + where)
                .param("org", org.id()).query(Long.class).single();
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(operator))));
    }

    @Test
    void unmatchedHostsArePagedInNaturalOrder() throws Exception {
        ImportJob job = run(ImportFixtures.nessus(List.of(item("b.example.net", 80, 1, "n"),
                item("10.0.0.10", 80, 2, "n"), item("2001:db9::1", 80, 3, "n"), item("9.9.9.9", 80, 4, "n"),
                item("a.example.net", 80, 5, "n"), item("10.0.0.9", 80, 6, "n"))));
        assertThat(hosts(job, 0, 50)).containsExactly("9.9.9.9", "10.0.0.9", "10.0.0.10", "2001:db9::1",
                "a.example.net", "b.example.net");
        assertThat(hosts(job, 1, 4)).containsExactly("a.example.net", "b.example.net");
        call(get("/api/v1/imports/" + job.id() + "/unmatched").param("page", "1").param("size", "2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].host").value("10.0.0.10"))
                .andExpect(jsonPath("$.items[1].host").value("2001:db9::1")).andExpect(jsonPath("$.total").value(6));
        call(get("/imports/" + job.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"assign-many\"")))
                .andExpect(content().string(containsString("form=\"assign-many\"")));
    }

    @Test
    void aKeyRepeatedInTheReportWaitsAndCountsOnceEverywhere() throws Exception {
        ImportJob job = run(ImportFixtures.nessus(List.of(item("10.5.5.5", 80, 7, "Twice"),
                item("10.5.5.5", 80, 7, "Twice"), item("10.5.5.5", 22, 8, "Once"))));
        assertThat(job.unmatchedFindings()).isEqualTo(2);
        assertThat(jobs.unmatched(operator, job.id(), PageRequest.first(50)).items())
                .containsExactly(new UnmatchedHost("10.5.5.5", 2));
        AssignmentResult r = jobs.assign(operator, job.id(), HostAssignment.of("10.5.5.5", portal));
        assertThat(r.findings()).isEqualTo(2);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.job().unmatchedFindings()).isZero();
        assertThat(r.job().created()).isEqualTo(2);
    }

    @Test
    void everyHostOfACidrRangeOrADomainIsAssignedInOneStep() throws Exception {
        ImportJob job = run(ImportFixtures.nessus(List.of(item("10.1.0.1", 80, 11, "a"), item("10.1.0.1", 22, 12, "b"),
                item("10.1.200.7", 80, 13, "c"), item("10.2.0.1", 80, 14, "d"), item("www.example.net", 80, 15, "e"),
                item("x.y.example.net", 80, 16, "f"), item("badexample.net", 80, 17, "g"))));
        call(post("/api/v1/imports/" + job.id() + "/assignments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"cidr\":\"10.1.0.0/16\",\"unitId\":" + portal + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.hosts").value(2)).andExpect(jsonPath("$.findings").value(3))
                .andExpect(jsonPath("$.job.unmatchedHosts").value(4));
        AssignmentResult byDomain = jobs.assign(operator, job.id(),
                new HostAssignment(null, null, null, "EXAMPLE.net.", portal, false));
        assertThat(byDomain.hosts()).isEqualTo(2);
        assertThat(hosts(job, 0, 50)).containsExactly("10.2.0.1", "badexample.net");
        assertThat(findings("network_unit_id = " + portal)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT host FROM import_host_assignment WHERE organisation_id = :o ORDER BY host")
                .param("o", org.id()).query(String.class).list())
                .containsExactly("10.1.0.1", "10.1.200.7", "www.example.net", "x.y.example.net");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'import.assigned' AND subject = :s")
                .param("s", "import:" + job.id()).query(Long.class).single()).isEqualTo(2);

        ImportJob again = run(ImportFixtures.nessus(List.of(item("10.1.200.7", 80, 13, "c"))));
        assertThat(again.unchanged()).as("later imports remember the range's hosts").isEqualTo(1);
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsAssigned() throws Exception {
        ImportJob job = run(ImportFixtures.nessus(List.of(item("10.3.0.1", 80, 21, "a"))));
        call(post("/api/v1/imports/" + job.id() + "/assignments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"cidr\":\"10.3.0.1/33\",\"domain\":\"bad..name\",\"unitId\":" + portal + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("host", "cidr", "domain")));
        call(post("/api/v1/imports/" + job.id() + "/assignments").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .content("{\"cidr\":\"172.16.0.0/12\",\"unitId\":" + portal + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cidr"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("172.16.0.0/12")));
        assertThatThrownBy(() -> jobs.assign(operator, job.id(), HostAssignment.of("10.3.0.1", 999_999L)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("unitId"));
        Organisation province = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, null);
        Actor officer = OrganisationFixtures.actor(province, Role.PROVINCIAL_OFFICER);
        assertThatThrownBy(() -> jobs.assign(officer, job.id(),
                new HostAssignment("10.3.0.1", null, null, null, portal, true)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                                .containsExactly("addToAssets"));
        assertThat(hosts(job, 0, 50)).containsExactly("10.3.0.1");
        assertThat(findings("1 = 1")).isZero();
    }

    @Test
    void tickedHostsAreAssignedFromThePageAndAddedToTheUnitsAssets() throws Exception {
        List<ImportFixtures.Item> items = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            items.add(item("10.6.0." + i, 80, 100 + i, "stray " + i));
        }
        ImportJob job = run(ImportFixtures.nessus(items));
        call(get("/imports/" + job.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"10.6.0.50\"")))
                .andExpect(content().string(not(containsString("value=\"10.6.0.51\""))));
        call(post("/imports/" + job.id() + "/assign-many").with(csrf()).param("hosts", "10.6.0.2", "10.6.0.3")
                .param("unit", Long.toString(portal)).param("addToAssets", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "ingest.import.assigned.many"));
        assertThat(units.get(operator, portal).content().assets()).extracting(Asset::value)
                .contains("10.6.0.2", "10.6.0.3");
        assertThat(findings("network_unit_id = " + portal)).isEqualTo(2);
        call(post("/imports/" + job.id() + "/assign-many").with(csrf()).param("cidr", "nonsense")
                .param("unit", Long.toString(portal))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(ImportPages.ASSIGN_ERRORS,
                        hasKey("cidr")));
    }
}
