package org.inspectorate.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.inspectorate.finding.Severity;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class CampaignsIntegrationTest {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    Campaigns campaigns;
    @Autowired
    Organisations organisations;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    Actor ministry;
    Actor provincial;
    Actor operator;

    @BeforeEach
    void actors() {
        Organisation bureau = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null, null);
        ministry = OrganisationFixtures.actor(bureau, Role.MINISTRY_OFFICER);
        Organisation admin = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.GUANGDONG, null);
        provincial = OrganisationFixtures.actor(admin, Role.PROVINCIAL_OFFICER);
        Organisation company = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.GUANGDONG, null);
        operator = OrganisationFixtures.actor(company, Role.OPERATOR_ADMIN);
    }

    static String uniqueCode() {
        return "T-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
    }

    static byte[] definition(String code) {
        return CampaignParserTest.minimal(code).getBytes(StandardCharsets.UTF_8);
    }

    private long auditEntries(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = :s").param("s", subject)
                .query(Long.class).single();
    }

    @Test
    void the2018CampaignShipsPublishedAndAnswersTheRuleQueries() {
        PublishedCampaign published = campaigns.requirePublished("NSC-2018");

        assertThat(published.definition().year()).isEqualTo(2018);
        assertThat(campaigns.publishedForYear(2018)).extracting(PublishedCampaign::code).contains("NSC-2018");
        assertThat(campaigns.checklistItems("NSC-2018")).hasSize(28);
        assertThat(campaigns.deadline("NSC-2018", DeadlineKind.SELF_INSPECTION_REPORT, OrganisationType.DOMAIN_REGISTRY))
                .hasValueSatisfying(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2018, 9, 30)));
        assertThat(campaigns.deadline("NSC-2018", DeadlineKind.PROVINCIAL_SUMMARY,
                OrganisationType.PROVINCIAL_ADMINISTRATION))
                .hasValueSatisfying(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2018, 10, 31)));
        assertThat(campaigns.slaDays("NSC-2018", Severity.HIGH)).isEqualTo(15);
        assertThat(campaigns.scoringStandard("NSC-2018", OrganisationType.BASIC_TELECOM_PROVINCIAL)).isPresent();
        assertThat(campaigns.samplingRules("NSC-2018")).anyMatch(r -> r.minimum() != null && r.minimum() == 10);
        assertThat(campaigns.list(operator, CampaignQuery.all(), PageRequest.first(200)).items())
                .extracting(CampaignSummary::code).contains("NSC-2018");
    }

    @Test
    void installingTheShippedCampaignAgainChangesNothing() throws Exception {
        int versions = campaigns.versions(ministry, "NSC-2018").size();
        new ShippedCampaigns(campaigns).run(null);
        assertThat(campaigns.versions(ministry, "NSC-2018")).hasSize(versions);
    }

    @Test
    void anUploadBecomesADraftThenPublishedThenNeverChanges() {
        String code = uniqueCode();
        CampaignVersion v1 = campaigns.upload(ministry, "c.yaml", definition(code));
        assertThat(v1.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.sha256()).isEqualTo(Campaigns.sha256(definition(code)));
        assertThat(campaigns.get(ministry, code).state()).isEqualTo(CampaignState.DRAFT);
        assertThat(campaigns.published(code)).isEmpty();

        CampaignVersion published = campaigns.publish(ministry, code, 1);
        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo(ministry.username());
        assertThat(campaigns.requirePublished(code).version()).isEqualTo(1);
        assertThatThrownBy(() -> campaigns.publish(ministry, code, 1))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.version.notDraft"));

        // A new upload of the same code is a new draft; the published version stays as it was.
        byte[] changed = CampaignParserTest.minimal(code).replace("LOW: 90", "LOW: 60").getBytes(StandardCharsets.UTF_8);
        CampaignVersion v2 = campaigns.upload(ministry, "c2.yaml", changed);
        assertThat(v2.number()).isEqualTo(2);
        assertThat(campaigns.requirePublished(code).definition().slaDays(Severity.LOW)).isEqualTo(90);
        assertThat(campaigns.document(ministry, code, 1).text()).isEqualTo(new String(definition(code), StandardCharsets.UTF_8));

        campaigns.publish(ministry, code, 2);
        assertThat(campaigns.requirePublished(code).definition().slaDays(Severity.LOW)).isEqualTo(60);
        assertThat(campaigns.versions(ministry, code)).extracting(CampaignVersion::status)
                .containsExactly(VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED);
        assertThatThrownBy(() -> campaigns.publish(ministry, code, 1)).isInstanceOf(ConflictException.class);
        assertThat(campaigns.document(ministry, code, 1).version().sha256()).isEqualTo(v1.sha256());

        assertThat(auditEntries("campaign:" + code + "/v1")).isEqualTo(2);
        assertThat(auditEntries("campaign:" + code + "/v2")).isEqualTo(2);
    }

    @Test
    void anIdenticalUploadIsRefusedRatherThanStoredTwice() {
        String code = uniqueCode();
        campaigns.upload(ministry, null, definition(code));
        assertThatThrownBy(() -> campaigns.upload(ministry, null, definition(code)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.upload.identical"));
    }

    @Test
    void aClosedCampaignTakesNoNewVersionsButStaysReadable() {
        String code = uniqueCode();
        campaigns.upload(ministry, null, definition(code));
        assertThatThrownBy(() -> campaigns.close(ministry, code)).isInstanceOf(ConflictException.class);
        campaigns.publish(ministry, code, 1);

        CampaignSummary closed = campaigns.close(ministry, code);

        assertThat(closed.state()).isEqualTo(CampaignState.CLOSED);
        assertThat(campaigns.requirePublished(code).closed()).isTrue();
        assertThat(auditEntries("campaign:" + code)).isEqualTo(1);
        byte[] next = CampaignParserTest.minimal(code).replace("LOW: 90", "LOW: 80").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> campaigns.upload(ministry, null, next))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("campaign.closed"));
        assertThatThrownBy(() -> campaigns.close(ministry, code)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anInvalidUploadSavesNothing() {
        String code = uniqueCode();
        byte[] bad = CampaignParserTest.minimal(code).replace("2018-09-30", "2018-09-31").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> campaigns.upload(ministry, "bad.yaml", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("deadlines[0].due"));
        assertThatThrownBy(() -> campaigns.get(ministry, code)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheMinistryUploadsPublishesAndCloses() {
        String code = uniqueCode();
        assertThatThrownBy(() -> campaigns.upload(provincial, null, definition(code)))
                .isInstanceOf(AccessDeniedException.class);
        campaigns.upload(ministry, null, definition(code));
        assertThatThrownBy(() -> campaigns.publish(operator, code, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> campaigns.close(provincial, code)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void draftsAreInvisibleToAProvincialOfficer() throws Exception {
        String code = uniqueCode();
        campaigns.upload(ministry, null, definition(code));

        assertThatThrownBy(() -> campaigns.get(provincial, code)).isInstanceOf(NotFoundException.class);
        assertThat(campaigns.list(provincial, new CampaignQuery(code, null), PageRequest.first(20)).items()).isEmpty();
        assertThat(campaigns.list(ministry, new CampaignQuery(code, null), PageRequest.first(20)).items()).hasSize(1);
        mvc.perform(get("/api/v1/campaigns/" + code).with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/campaigns/" + code).with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isNotFound());

        // Once published, the provincial officer reads the published version, but not a later draft.
        campaigns.publish(ministry, code, 1);
        campaigns.upload(ministry, null, CampaignParserTest.minimal(code).replace("LOW: 90", "LOW: 70")
                .getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/campaigns/" + code).with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.definition.deadlines[0].due").value("2018-09-30"))
                .andExpect(jsonPath("$.definition.slaDays.LOW").value(90));
        mvc.perform(get("/api/v1/campaigns/" + code + "?version=2")
                        .with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isNotFound());
        assertThat(campaigns.versions(provincial, code)).extracting(CampaignVersion::number).containsExactly(1);
    }

    @Test
    void theApiAnswersABadDateWithProblemJsonNamingTheFieldAndTheValue() throws Exception {
        String code = uniqueCode();
        byte[] bad = CampaignParserTest.minimal(code).replace("2018-09-30", "2018-09-31").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(bad).header("Accept-Language", "en")
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("deadlines[0].due"))
                .andExpect(jsonPath("$.errors[0].code").value("campaign.date.invalid"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2018-09-31")));
    }

    @Test
    void theApiListsEveryProblemOfAnUpload() throws Exception {
        byte[] bad = CampaignParserTest.minimal(uniqueCode()).replace("2018-09-30", "2018-09-31")
                .replace("id: A-2", "id: A-1").replace("basis: [CSL] }", "basis: [] }")
                .replace("INTERNET_ENTERPRISE]", "MARTIAN_TELECOM]").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(bad)
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("deadlines[0].due")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("operatorTypes[1]")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("checklist[0].items[0].basis")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("checklist[0].items[1].id")));
    }

    @Test
    void theApiUploadsAndPublishesForTheMinistryOnly() throws Exception {
        String code = uniqueCode();
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(definition(code))
                        .with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(definition(code))
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/campaigns/" + code + "/versions/1/publish")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/campaigns/" + code + "/versions/1/publish")
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post("/api/v1/campaigns/" + code + "/versions/1/publish")
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/campaigns").param("q", code)
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value(code))
                .andExpect(jsonPath("$.items[0].state").value("PUBLISHED"));
    }

    @Test
    void theApiRejectsAYamlBombAndAnOversizedBodyClearly() throws Exception {
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(bomb)
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("campaign.yaml.tooManyAliases"));
        byte[] big = ("# " + "x".repeat(Campaigns.maxDefinitionBytes() + 10)).getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/campaigns").contentType(YAML).content(big)
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("campaign.file.tooLarge"));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns'].post.summary")
                        .value("Upload a campaign definition (Ministry only)"))
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{code}/versions/{number}/publish'].post.summary")
                        .value("Publish a draft version (Ministry only)"))
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{code}/close'].post.summary")
                        .value("Close a published campaign (Ministry only)"));
    }

    @Test
    void theUploadPageShowsEveryProblemBesideItsFieldAndSavesNothing() throws Exception {
        String code = uniqueCode();
        byte[] bad = CampaignParserTest.minimal(code).replace("2018-09-30", "2018-09-31")
                .replace("id: A-2", "id: A-1").getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/campaigns/upload").file(new MockMultipartFile("file", "bad.yaml", "application/yaml", bad))
                        .with(csrf()).with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("deadlines[0].due")))
                .andExpect(content().string(containsString("2018-09-31")))
                .andExpect(content().string(containsString("checklist[0].items[1].id")));
        assertThat(campaigns.list(ministry, new CampaignQuery(code, null), PageRequest.first(20)).items()).isEmpty();
    }

    @Test
    void theUploadPageIsTheMinistrysAlone() throws Exception {
        mvc.perform(get("/campaigns/upload").with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/campaigns/upload")
                        .file(new MockMultipartFile("file", "c.yaml", "application/yaml", definition(uniqueCode())))
                        .with(csrf()).with(authentication(OrganisationFixtures.authentication(provincial))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theMinistryUploadsAndPublishesThroughThePages() throws Exception {
        String code = uniqueCode();
        mvc.perform(multipart("/campaigns/upload").file(new MockMultipartFile("file", "c.yaml", "application/yaml",
                        definition(code))).with(csrf()).with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/" + code + "/versions/1/publish").with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(ministry, code).state()).isEqualTo(CampaignState.PUBLISHED);
        mvc.perform(post("/campaigns/" + code + "/close").with(csrf())
                        .with(authentication(OrganisationFixtures.authentication(ministry))))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(ministry, code).state()).isEqualTo(CampaignState.CLOSED);
    }

    @Test
    void theCampaignPagesRenderTheShippedCampaignForAnOperator() throws Exception {
        mvc.perform(get("/campaigns").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NSC-2018")));
        mvc.perform(get("/campaigns").param("q", "NSC-2018").header("HX-Request", "true")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("campaign-results")));
        mvc.perform(get("/campaigns/NSC-2018").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2018-09-30")))
                .andExpect(content().string(containsString("2018-10-31")))
                .andExpect(content().string(containsString("CSL-01")))
                .andExpect(content().string(containsString("P-TEC-2")))
                .andExpect(content().string(not(containsString("campaign-publish"))));
        mvc.perform(get("/campaigns/NSC-2018?lang=en").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Self-inspection summary report")));
    }
}
