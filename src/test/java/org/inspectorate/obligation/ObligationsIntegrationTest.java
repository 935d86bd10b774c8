package org.inspectorate.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;



import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hamcrest.Matchers;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.attachment.UploadFixtures;
import org.inspectorate.organisation.Actor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
class ObligationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Clock clock;

    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Obligations obligations;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private LocalDate today;

    @BeforeEach
    void today() {
        today = LocalDate.now(clock);
    }

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private NetworkUnit filed(Actor operator, Actor officer, String name, String level) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput(name, level,
                List.of(new AssetInput("DOMAIN", "portal.example.cn", null))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(officer, draft.id(), submitted.version());
    }

    private static ObligationInput evaluation(String kind, LocalDate on, String outcome, String rectification,
            LocalDate reportedOn) {
        return new ObligationInput(kind, on.toString(), "某测评机构", outcome, "发现 3 项中危问题", rectification,
                reportedOn == null ? null : reportedOn.toString());
    }

    private static Obligation find(List<Obligation> list, ObligationKind kind) {
        return list.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private long audited(String action, String subjectPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject LIKE :s")
                .param("a", action).param("s", subjectPrefix + "%").query(Long.class).single();
    }

    @Test
    void aFiledLevelThreeUnitOwesBothYearlyAndItsOverdueResultShowsToOperatorAndAuthorityOnly() {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANDONG, Role.PROVINCIAL_OFFICER);
        Actor otherOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HEBEI, Role.PROVINCIAL_OFFICER);
        Actor stranger = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG, Role.OPERATOR_ADMIN);
        NetworkUnit unit = filed(operator, officer, "评测门户", "3.1");

        List<Obligation> owed = obligations.ofUnit(operator, unit.id());
        assertThat(owed).extracting(Obligation::kind).containsExactlyInAnyOrder(ObligationKind.CONFORMITY_EVALUATION,
                ObligationKind.RISK_ASSESSMENT);
        assertThat(owed).allSatisfy(o -> assertThat(o.dueOn()).isEqualTo(today.plusYears(1)));

        ObligationRecord r = obligations.record(operator, unit.id(), evaluation("CONFORMITY_EVALUATION",
                today.minusDays(40), "PASS_WITH_ISSUES", "两周内完成整改", null), null);
        Obligation report = find(obligations.ofUnit(operator, unit.id()), ObligationKind.RESULT_REPORT);
        assertThat(report.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(report.dueOn()).isEqualTo(today.minusDays(10));
        assertThat(find(obligations.ofUnit(operator, unit.id()), ObligationKind.CONFORMITY_EVALUATION).dueOn())
                .isEqualTo(today.minusDays(40).plusYears(1));

        ObligationQuery overdue = new ObligationQuery(null, ObligationStatus.OVERDUE, null);
        assertThat(obligations.list(operator, overdue, PageRequest.first(200)).items()).extracting(Obligation::recordId)
                .contains(r.id());
        assertThat(obligations.list(officer, overdue, PageRequest.first(200)).items()).extracting(Obligation::recordId)
                .contains(r.id());
        assertThat(obligations.list(otherOfficer, ObligationQuery.all(), PageRequest.first(200)).items())
                .extracting(Obligation::unitId).doesNotContain(unit.id());
        assertThat(obligations.list(stranger, ObligationQuery.all(), PageRequest.first(200)).items())
                .extracting(Obligation::unitId).doesNotContain(unit.id());
        assertThatThrownBy(() -> obligations.ofUnit(otherOfficer, unit.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> obligations.record(stranger, unit.id(), evaluation("RISK_ASSESSMENT", today, "PASS",
                null, null), null)).isInstanceOf(NotFoundException.class);

        ObligationRecord reported = obligations.markReported(operator, r.id(), r.version(), today.toString());
        assertThat(find(obligations.ofUnit(operator, unit.id()), ObligationKind.RESULT_REPORT).status())
                .isEqualTo(ObligationStatus.DONE);
        assertThatThrownBy(() -> obligations.markReported(operator, r.id(), reported.version(), today.toString()))
                .isInstanceOf(ConflictException.class);
        assertThat(audited("obligation.recorded", "obligation:" + r.id() + "/")).isEqualTo(1);
        assertThat(audited("obligation.reported", "obligation:" + r.id() + "/")).isEqualTo(1);
    }

    @Test
    void levelOneOwesNothingAndAnAcceptedChangeToLevelThreeOwesAConformityEvaluationWithinNinetyDays() {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHANXI, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANXI, Role.PROVINCIAL_OFFICER);
        NetworkUnit unit = filed(operator, officer, "一级单元", "1");
        assertThat(obligations.ofUnit(operator, unit.id())).isEmpty();

        NetworkUnit change = units.update(operator, unit.id(), unit.version(), NetworkUnitFixtures.unitInput("一级单元", "3.2",
                List.of(new AssetInput("DOMAIN", "portal.example.cn", null))));
        assertThat(obligations.ofUnit(operator, unit.id())).as("the filed level stays in force until accepted")
                .isEmpty();
        NetworkUnit submitted = units.submit(operator, unit.id(), change.version());
        units.accept(officer, unit.id(), submitted.version());

        Obligation conformity = find(obligations.ofUnit(operator, unit.id()), ObligationKind.CONFORMITY_EVALUATION);
        assertThat(conformity.dueOn()).isEqualTo(today.plusDays(90));
        assertThat(conformity.reason()).isEqualTo(Obligation.Reason.LEVEL_CHANGE);
        assertThat(conformity.level()).isEqualTo(GradeLevel.LEVEL_3_2);
        assertThat(find(obligations.ofUnit(operator, unit.id()), ObligationKind.RISK_ASSESSMENT).dueOn())
                .isEqualTo(today.plusYears(1));
    }

    @Test
    void badInputIsReportedFieldByFieldAndNothingIsSaved() {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.SHAANXI, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHAANXI, Role.PROVINCIAL_OFFICER);
        NetworkUnit unit = filed(operator, officer, "坏输入单元", "2");
        ObligationInput bad = new ObligationInput("RESULT_REPORT", today.plusDays(1).toString(), " ", "GOOD", "x",
                " ", "2020-13-01");
        assertThatThrownBy(() -> obligations.record(operator, unit.id(), bad, new Obligations.Upload("evil.pdf",
                new ByteArrayInputStream("<script>".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems().stream().map(p -> p.field() + ":" + p.code())
                        .toList())
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("kind:obligation.kind.invalid", "performedOn:obligation.date.future",
                        "performedBy:obligation.field.required", "outcome:obligation.outcome.invalid",
                        "reportedOn:obligation.date.invalid", "report:obligation.report.type");
        assertThatThrownBy(() -> obligations.record(operator, unit.id(), evaluation("RISK_ASSESSMENT", today, "FAIL",
                null, null), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rectification");
        assertThatThrownBy(() -> obligations.record(operator, unit.id(), evaluation("RISK_ASSESSMENT", today,
                "PASS", null, today.minusDays(1)), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("obligation.reportedOn.beforePerformed");
        assertThat(obligations.records(operator, unit.id())).isEmpty();

        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("未备案单元"));
        assertThatThrownBy(() -> obligations.record(operator, draft.id(), evaluation("RISK_ASSESSMENT", today,
                "PASS", null, null), null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theApiRecordsWithAReportFileAndDownloadsOnlyWithinJurisdictionEachDownloadAudited() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.JIANGXI, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.JIANGXI, Role.PROVINCIAL_OFFICER);
        Actor otherOfficer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, Role.PROVINCIAL_OFFICER);
        Actor stranger = actor(OrganisationType.INTERNET_ENTERPRISE, Province.JIANGXI, Role.OPERATOR_ADMIN);
        NetworkUnit unit = filed(operator, officer, "接口评测单元", "3.1");

        byte[] pdf = UploadFixtures.pdf();
        MockMultipartFile part = new MockMultipartFile("evaluation", "", MediaType.APPLICATION_JSON_VALUE,
                JSON.writeValueAsBytes(evaluation("RISK_ASSESSMENT", today.minusDays(3), "PASS", null, null)));
        MockMultipartFile file = new MockMultipartFile("report", "../风险评估报告.pdf", "text/html", pdf);
        String body = call(operator, multipart("/api/v1/network-units/{id}/evaluations", unit.id()).file(part)
                .file(file)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reportFileName").value("风险评估报告.pdf"))
                .andExpect(jsonPath("$.reportContentType").value("application/pdf"))
                .andExpect(jsonPath("$.reportSha256").value(ObligationReportFile.sha256(pdf)))
                .andReturn().getResponse().getContentAsString();
        int recordId = JsonPath.read(body, "$.id");

        call(officer, get("/api/v1/evaluations/{rid}/report", recordId)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf")).andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")));
        call(otherOfficer, get("/api/v1/evaluations/{rid}/report", recordId)).andExpect(status().isNotFound());
        call(stranger, get("/api/v1/evaluations/{rid}/report", recordId)).andExpect(status().isNotFound());
        call(stranger, get("/obligations/records/{rid}/report", recordId)).andExpect(status().isNotFound());
        call(operator, get("/obligations/records/{rid}/report", recordId)).andExpect(status().isOk());
        assertThat(audited("obligation.report.downloaded", "obligation:" + recordId + "/")).isEqualTo(2);

        call(operator, post("/api/v1/network-units/{id}/evaluations", unit.id())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("kind", "RISK",
                        "performedOn", "tomorrow")))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("performedOn")));
        call(operator, post("/api/v1/network-units/{id}/evaluations", unit.id())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(evaluation(
                        "CONFORMITY_EVALUATION", today.minusDays(60), "PASS", null, null))))
                .andExpect(status().isCreated());
        call(officer, get("/api/v1/obligations").param("status", "overdue").param("kind", "RESULT_REPORT")
                .param("size", "200")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].unitId", hasItem((int) unit.id())));
        call(otherOfficer, get("/api/v1/obligations").param("size", "200")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].unitId", not(hasItem((int) unit.id()))));
        call(officer, get("/api/v1/obligations").param("status", "soon")).andExpect(status().isBadRequest());
        call(stranger, multipart("/api/v1/network-units/{id}/evaluations", unit.id()).file(part))
                .andExpect(status().isNotFound());
        call(stranger, get("/api/v1/network-units/{id}/evaluations", unit.id())).andExpect(status().isNotFound());
        call(otherOfficer, get("/api/v1/network-units/{id}/evaluations", unit.id())).andExpect(status().isNotFound());
        call(officer, get("/api/v1/network-units/{id}/evaluations", unit.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(recordId)));
        call(stranger, post("/api/v1/evaluations/{rid}/reported", recordId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportedOn\":\"" + today + "\",\"version\":0}")).andExpect(status().isNotFound());
        call(officer, post("/api/v1/evaluations/{rid}/reported", recordId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportedOn\":\"" + today + "\",\"version\":0}")).andExpect(status().isForbidden());
        call(stranger, get("/network-units/{id}/obligations", unit.id())).andExpect(status().isNotFound());
        call(stranger, post("/obligations/records/{rid}/reported", recordId).param("version", "0")
                .param("reportedOn", today.toString()).with(csrf())).andExpect(status().isNotFound());
        call(operator, post("/api/v1/evaluations/{rid}/reported", recordId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportedOn\":\"" + today + "\",\"version\":0}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportedOn").value(today.toString()));
    }

    @Test
    void thePagesListFilterAndRecordWithFieldMessages() throws Exception {
        Actor operator = actor(OrganisationType.INTERNET_ENTERPRISE, Province.FUJIAN, Role.OPERATOR_ADMIN);
        Actor officer = actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.FUJIAN, Role.PROVINCIAL_OFFICER);
        NetworkUnit unit = filed(operator, officer, "页面评测单元", "2");

        call(operator, get("/obligations").param("level", "2").param("sort", "unitName")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("页面评测单元")));
        call(officer, get("/obligations").param("status", "DONE")).andExpect(status().isOk())
                .andExpect(content().string(not(Matchers.containsString("页面评测单元"))));
        call(operator, get("/network-units/{id}/obligations", unit.id())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("record-evaluation")));
        call(operator, multipart("/network-units/{id}/evaluations", unit.id()).file(new MockMultipartFile("report",
                "x.exe", "application/pdf", new byte[] {'M', 'Z', 0})).param("kind", "CONFORMITY_EVALUATION")
                .param("performedOn", today.toString()).param("performedBy", "测评中心").param("outcome", "FAIL")
                .param("summary", "未通过").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"rectification-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"report-error\"")));
        call(operator, multipart("/network-units/{id}/evaluations", unit.id()).param("kind", "CONFORMITY_EVALUATION")
                .param("performedOn", today.toString()).param("performedBy", "测评中心").param("outcome", "PASS")
                .param("summary", "通过").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(obligations.records(operator, unit.id())).hasSize(1);
    }
}
