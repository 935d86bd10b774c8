package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;



import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
class FindingApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    Actor operator;
    Actor otherOperator;
    Actor officer;
    Actor otherProvinceOfficer;
    long unitId;

    @BeforeEach
    void setUp() {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHANDONG, null);
        operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        otherOperator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANDONG, null), Role.PROVINCIAL_OFFICER);
        otherProvinceOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGSU, null), Role.PROVINCIAL_OFFICER);
        unitId = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn")))).id();
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
    }

    private Map<String, Object> finding(String title) {
        Map<String, Object> f = new HashMap<>();
        f.put("networkUnitId", unitId);
        f.put("asset", "PORTAL.example.cn");
        f.put("title", title);
        f.put("description", "Log4j 远程代码执行");
        f.put("category", "VULNERABILITY");
        f.put("severity", "HIGH");
        f.put("references", "CVE-2021-44228 CNVD-2021-95914");
        f.put("cvssVector", CRITICAL);
        f.put("ownerName", "李四");
        return f;
    }

    private int open(Map<String, Object> body) throws Exception {
        MvcResult r = call(operator, json(post("/api/v1/findings"), body)).andExpect(status().isCreated()).andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$.id");
    }

    private int version(int id) throws Exception {
        MvcResult r = call(operator, get("/api/v1/findings/{id}", id)).andReturn();
        return JsonPath.read(r.getResponse().getContentAsString(), "$.version");
    }

    @Test
    void aFindingGoesFromOpenThroughMitigationAndVerificationToClosed() throws Exception {
        MvcResult created = call(operator, json(post("/api/v1/findings"), finding("Log4Shell")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.cvssScore").value(9.8))
                .andExpect(jsonPath("$.cvssVector").value(CRITICAL))
                .andExpect(jsonPath("$.asset").value("portal.example.cn"))
                .andExpect(jsonPath("$.organisationId").value((int) operator.organisationId()))
                .andExpect(jsonPath("$.dueOn").value(LocalDate.now(clock).plusDays(15).toString()))
                .andExpect(jsonPath("$.overdue").value(false)).andReturn();
        int id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        call(operator, json(post("/api/v1/findings/{id}/mitigate", id), Map.of("version", 0, "measures", "WAF 规则")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("plan")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("planOwner")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("planDueOn")));
        call(operator, json(post("/api/v1/findings/{id}/mitigate", id), Map.of("version", 0, "measures", "WAF 规则",
                "plan", "升级 log4j", "planOwner", "王五", "planDueOn", LocalDate.now(clock).plusDays(20).toString())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MITIGATED"))
                .andExpect(jsonPath("$.plan.owner").value("王五"));
        call(operator, json(post("/api/v1/findings/{id}/verify", id), Map.of("version", 0)))
                .andExpect(status().isConflict());
        call(officer, json(post("/api/v1/findings/{id}/verify", id), Map.of("version", 1, "note", "复测通过")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.verifiedBy").value(officer.username()));
        call(officer, json(post("/api/v1/findings/{id}/close", id), Map.of("version", 2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        call(operator, get("/api/v1/findings/{id}/history", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(Matchers.contains("opened", "mitigated",
                        "verified", "closed")))
                .andExpect(jsonPath("$[1].from").value("OPEN")).andExpect(jsonPath("$[1].to").value("MITIGATED"));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq")
                .param("s", "finding:" + id).query(String.class).list()).containsExactly("finding.opened", "finding.mitigated", "finding.verified",
                        "finding.closed", "finding.history.viewed");
    }

    @Test
    void closingAnOpenFindingIsAConflictNamingItsStatus() throws Exception {
        int id = open(finding("弱口令"));
        call(officer, json(post("/api/v1/findings/{id}/close", id), Map.of("version", 0)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("OPEN")));
    }

    @Test
    void aManualFindingKeepsEveryReferenceIsFoundByAnyOfThemAndReturnsItsCvss4VersionAndFlags() throws Exception {
        Map<String, Object> body = finding("百个漏洞");
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            refs.append("CVE-2023-").append(10_000 + i).append(' ');
        }
        body.put("references", refs.toString());
        body.put("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        int id = open(body);
        call(operator, get("/api/v1/findings/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.references.length()").value(100))
                .andExpect(jsonPath("$.references", hasItem("CVE-2023-10099")))
                .andExpect(jsonPath("$.cvssVersion").value("4.0"))
                .andExpect(jsonPath("$.cvssScore").value(9.3))
                .andExpect(jsonPath("$.flags").isEmpty());
        call(operator, get("/api/v1/findings").param("q", "CVE-2023-10099")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    }

    @Test
    void badInputIsReportedFieldByField() throws Exception {
        Map<String, Object> body = finding("坏输入");
        body.put("cvssVector", "CVSS:3.1/garbage");
        body.put("references", "CVE-21-1");
        body.put("severity", "CRITICAL");
        body.put("asset", "elsewhere.example.cn");
        call(operator, json(post("/api/v1/findings"), body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("cvssVector")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("references")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("severity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("asset")));
    }

    @Test
    void theOwnerMustBeAnEnabledOperatorAccountOfTheFindingsOrganisationOrItsGroup() throws Exception {
        Organisation group = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP,
                null, null);
        Organisation company = OrganisationFixtures.organisation(organisations,
                OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.SHANDONG, group.id());
        Actor companyAdmin = OrganisationFixtures.actor(company, Role.OPERATOR_ADMIN);
        long companyUnit = units.create(companyAdmin, NetworkUnitFixtures.unitInput("营业厅", "PORTAL", "2",
                List.of(NetworkUnitFixtures.domain("hall.example.cn")))).id();
        UserAccount ownStaff = UserFixtures.account(accounts, company, Role.OPERATOR_STAFF);
        UserAccount groupStaff = UserFixtures.account(accounts, group, Role.OPERATOR_STAFF);
        UserAccount otherOperators = UserFixtures.account(accounts,
                organisations.get(OrganisationFixtures.REGISTRAR, otherOperator.organisationId()), Role.OPERATOR_ADMIN);
        UserAccount regulator = UserFixtures.account(accounts,
                organisations.get(OrganisationFixtures.REGISTRAR, officer.organisationId()), Role.PROVINCIAL_OFFICER);
        UserAccount disabled = UserFixtures.account(accounts, company, Role.OPERATOR_STAFF);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = :id").param("id", disabled.id()).update();

        for (UserAccount allowed : List.of(ownStaff, groupStaff)) {
            call(companyAdmin, json(post("/api/v1/findings"), ownedBy(companyUnit, allowed.id())))
                    .andExpect(status().isCreated());
        }
        for (long refused : List.of(otherOperators.id(), regulator.id(), disabled.id(), Long.MAX_VALUE)) {
            call(companyAdmin, json(post("/api/v1/findings"), ownedBy(companyUnit, refused)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("ownerUserId"));
        }
    }

    private static Map<String, Object> ownedBy(long unitId, long ownerUserId) {
        Map<String, Object> f = new HashMap<>();
        f.put("networkUnitId", unitId);
        f.put("title", "弱口令");
        f.put("category", "WEAK_PASSWORD");
        f.put("severity", "MEDIUM");
        f.put("ownerUserId", ownerUserId);
        return f;
    }

    @Test
    void anotherOperatorsUnitCannotCarryTheFinding() throws Exception {
        call(otherOperator, json(post("/api/v1/findings"), finding("越权"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("networkUnitId"));
    }

    @Test
    void everyEndpointAnswers404OutsideTheJurisdiction() throws Exception {
        int id = open(finding("管辖"));
        int evidenceId = JsonPath.read(call(operator, multipart("/api/v1/findings/{id}/evidence", id)
                .file(new MockMultipartFile("file", "log.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        for (Actor outsider : List.of(otherOperator, otherProvinceOfficer)) {
            call(outsider, get("/api/v1/findings/{id}", id)).andExpect(status().isNotFound());
            call(outsider, get("/api/v1/findings/{id}/history", id)).andExpect(status().isNotFound());
            call(outsider, get("/api/v1/findings/{id}/evidence", id)).andExpect(status().isNotFound());
            call(outsider, get("/api/v1/findings/{id}/evidence/{e}", id, evidenceId)).andExpect(status().isNotFound());
            call(outsider, multipart("/api/v1/findings/{id}/evidence", id).file(new MockMultipartFile("file",
                    "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))).andExpect(status().isNotFound());
            for (String step : List.of("fix", "mitigate", "verify", "close", "reopen")) {
                call(outsider, json(post("/api/v1/findings/{id}/" + step, id), Map.of("version", 0, "note", "x")))
                        .andExpect(status().isNotFound());
            }
            call(outsider, json(put("/api/v1/findings/{id}/accountability", id), Map.of("version", 0)))
                    .andExpect(status().isNotFound());
            call(outsider, get("/api/v1/findings").param("size", "200")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        }
        call(officer, get("/api/v1/findings/{id}", id)).andExpect(status().isOk());
        call(officer, get("/api/v1/findings").param("severity", "HIGH").param("size", "200"))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    }

    @Test
    void evidenceIsSniffedLimitedAndEveryDownloadAudited() throws Exception {
        int id = open(finding("证据"));
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
        call(operator, multipart("/api/v1/findings/{id}/evidence", id)
                .file(new MockMultipartFile("file", "report.pdf", "application/pdf", png)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("report.pdf")));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        call(operator, multipart("/api/v1/findings/{id}/evidence", id)
                .file(new MockMultipartFile("file", "big.txt", "text/plain", big)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("evidence.tooLarge"));
        MvcResult uploaded = call(operator, multipart("/api/v1/findings/{id}/evidence", id)
                .file(new MockMultipartFile("file", "截图.png", "application/octet-stream", png)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.sha256").value(Evidence.sha256(png))).andReturn();
        int evidenceId = JsonPath.read(uploaded.getResponse().getContentAsString(), "$.id");
        call(officer, get("/api/v1/findings/{id}/evidence/{e}", id, evidenceId)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(png));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = :s AND action = 'evidence.downloaded'")
                .param("s", "evidence:" + evidenceId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void importsUpsertByTheirDedupKeyIdempotently() throws Exception {
        Map<String, Object> body = finding("Nessus 19506");
        String key = "nessus:19506:" + Codes.username("h");
        body.put("dedupKey", key);
        body.put("sourceRef", "scan-1.nessus");
        MvcResult first = call(operator, json(put("/api/v1/findings/import"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CREATED"))
                .andExpect(jsonPath("$.finding.source").value("IMPORT")).andReturn();
        int id = JsonPath.read(first.getResponse().getContentAsString(), "$.finding.id");
        call(operator, json(put("/api/v1/findings/import"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UNCHANGED")).andExpect(jsonPath("$.finding.id").value(id))
                .andExpect(jsonPath("$.finding.version").value(0));
        body.put("severity", "MEDIUM");
        call(operator, json(put("/api/v1/findings/import"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("UPDATED")).andExpect(jsonPath("$.finding.severity").value("MEDIUM"));
        call(operator, json(post("/api/v1/findings/{id}/fix", id), Map.of("version", version(id), "note", "打补丁")))
                .andExpect(status().isOk());
        call(operator, json(post("/api/v1/findings/{id}/verify", id), Map.of("version", version(id))))
                .andExpect(status().isOk());
        call(operator, json(put("/api/v1/findings/import"), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REOPENED"))
                .andExpect(jsonPath("$.finding.status").value("REOPENED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finding WHERE dedup_key = :k").param("k", key).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aBulkImportIsBatchedIdempotentAndCheckedItemByItem() throws Exception {
        String prefix = Codes.username("bulk");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> item = finding("批量 " + i);
            item.put("dedupKey", prefix + ":" + i);
            items.add(item);
        }
        call(operator, json(put("/api/v1/findings/import/bulk"), items)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.unchanged").value(0));
        items.get(2).put("title", "批量 2 已更新");
        call(operator, json(put("/api/v1/findings/import/bulk"), items)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finding_event e JOIN finding f ON f.id = e.finding_id"
                + " WHERE f.dedup_key LIKE :k AND e.action = 'opened'").param("k", prefix + ":%").query(Long.class)
                .single()).isEqualTo(3);
        items.get(1).put("dedupKey", prefix + ":0");
        items.get(2).put("cvssVector", "CVSS:3.1/AV:N");
        call(operator, json(put("/api/v1/findings/import/bulk"), items)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[1].dedupKey")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[2].cvssVector")));
    }

    @Test
    void accountabilityIsRecordedByTheOperatorOnly() throws Exception {
        int id = open(finding("问责"));
        call(officer, json(put("/api/v1/findings/{id}/accountability", id),
                Map.of("version", 0, "responsible", "赵六", "action", "通报批评"))).andExpect(status().isForbidden());
        call(operator, json(put("/api/v1/findings/{id}/accountability", id), Map.of("version", 0)))
                .andExpect(status().isBadRequest());
        call(operator, json(put("/api/v1/findings/{id}/accountability", id),
                Map.of("version", 0, "responsible", "赵六", "action", "通报批评", "decidedOn", "2026-11-20")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountability.responsible").value("赵六"));
    }
}
