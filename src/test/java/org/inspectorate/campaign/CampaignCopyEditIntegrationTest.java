package org.inspectorate.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Ministry's copy of an earlier campaign into another year, and the form edit validated as an upload is. */
@DatabaseTest
class CampaignCopyEditIntegrationTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    Organisations organisations;
    @Autowired
    MockMvc mvc;

    Actor ministry;
    Authentication asMinistry;
    Authentication asProvincial;

    @BeforeEach
    void actors() {
        Organisation bureau = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU, null, null);
        ministry = OrganisationFixtures.actor(bureau, Role.MINISTRY_OFFICER);
        asMinistry = OrganisationFixtures.authentication(ministry);
        Organisation admin = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.GUANGDONG, null);
        asProvincial = OrganisationFixtures.authentication(OrganisationFixtures.actor(admin, Role.PROVINCIAL_OFFICER));
    }

    /** A fresh copy of the 2018 campaign into 2027, through the copy form. */
    private String copied() throws Exception {
        String code = CampaignsIntegrationTest.uniqueCode();
        mvc.perform(post("/campaigns/NSC-2018/copy").param("newCode", code).param("year", "2027")
                        .param("titleZh", "2027年网络安全检查").param("titleEn", "2027 inspection")
                        .with(csrf()).with(authentication(asMinistry)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/campaigns/" + code + "/edit"));
        return code;
    }

    @Test
    void aCopyIsANewDraftCampaignWithItsDeadlinesMovedToTheNewYear() throws Exception {
        String code = copied();
        CampaignDocument doc = campaigns.document(ministry, code, null);
        assertThat(doc.campaign().state()).isEqualTo(CampaignState.DRAFT);
        assertThat(doc.definition().year()).isEqualTo(2027);
        assertThat(doc.definition().title().zh()).isEqualTo("2027年网络安全检查");
        assertThat(doc.definition().deadlines()).extracting(Deadline::due).containsExactly(
                LocalDate.of(2027, 9, 30), LocalDate.of(2027, 9, 30), LocalDate.of(2027, 10, 31));
        CampaignDefinition from = campaigns.requirePublished("NSC-2018").definition();
        assertThat(doc.definition().checklistItems()).isEqualTo(from.checklistItems());
        assertThat(doc.definition().scoring()).isEqualTo(from.scoring());
        assertThat(doc.definition().sampling()).isEqualTo(from.sampling());
        assertThat(campaigns.requirePublished("NSC-2018").definition().year()).isEqualTo(2018);
    }

    @Test
    void aCampaignInstalledLateInItsYearMovesEveryPassedDeadlineToTheNextYearAndIsPublished() {
        String code = CampaignsIntegrationTest.uniqueCode();
        assertThat(campaigns.installFollowing("NSC-2018", code, 2026, new LocalizedText("二〇二六", "2026"),
                LocalDate.of(2026, 10, 1))).isTrue();
        PublishedCampaign installed = campaigns.requirePublished(code);
        assertThat(installed.definition().year()).isEqualTo(2026);
        assertThat(installed.definition().deadlines()).extracting(Deadline::due).containsExactly(
                LocalDate.of(2027, 9, 30), LocalDate.of(2027, 9, 30), LocalDate.of(2026, 10, 31));
        assertThat(campaigns.installFollowing("NSC-2018", code, 2026, new LocalizedText("z", "e"), null)).isFalse();
    }

    @Test
    void aCopyOfAFebruaryTheTwentyNinthDeadlineLandsOnTheTwentyEighth() {
        String leap = CampaignParserTest.minimal(CampaignsIntegrationTest.uniqueCode()).replace("year: 2018", "year: 2024")
                .replace("due: 2018-09-30", "due: 2024-02-29");
        assertThat(new CampaignEditor().copy(leap, "X-1", "2025", "z", "e", null)).contains("2025-02-28");
    }

    @Test
    void aCopyIsRefusedBesideItsFieldWhenTheCodeIsTakenOrBadAndNothingIsStored() throws Exception {
        for (String[] c : new String[][] { { "NSC-2018", "2027" }, { "nsc 2027", "2027" }, { "T-OK1", "20x7" },
                { "T-OK2", "1999" } }) {
            String body = mvc.perform(post("/campaigns/NSC-2018/copy").param("newCode", c[0]).param("year", c[1])
                            .param("titleZh", "标题").param("titleEn", "Title").with(csrf()).with(authentication(asMinistry)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).containsPattern(Pattern.compile("class=\"form-control is-invalid\"[^>]*name=\""
                    + (c[1].equals("2027") ? "newCode" : "year") + "\""));
        }
        String body = mvc.perform(post("/campaigns/NSC-2018/copy").param("newCode", "T-OK3").param("year", "2027")
                        .param("titleZh", " ").param("titleEn", "Title").with(csrf()).with(authentication(asMinistry)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).containsPattern("is-invalid\"[^>]*name=\"titleZh\"");
        for (String code : new String[] { "T-OK1", "T-OK2", "T-OK3" }) {
            assertThat(campaigns.published(code)).isEmpty();
            assertThatThrownBy(() -> campaigns.get(ministry, code)).isNotNull();
        }
    }

    @Test
    void theFormEditBecomesANewDraftThatThePublishActPublishes() throws Exception {
        String code = copied();
        mvc.perform(post("/campaigns/" + code + "/edit").param("title.zh", "2027年检查（修订）").param("reference", "工信厅网安函〔2027〕1号")
                        .param("deadlines[0].due", "2027-08-31").param("deadlines[2].recipient", "MINISTRY")
                        .param("sampling", """
                                - id: VALUE-ADDED-MIN-12
                                  scope: PER_PROVINCE
                                  drawnBy: PROVINCIAL_ADMINISTRATION
                                  target: VALUE_ADDED_TELECOM
                                  minimum: 12
                                  description: { zh: 至少十二家, en: At least twelve }
                                """)
                        .with(csrf()).with(authentication(asMinistry)))
                .andExpect(status().is3xxRedirection());
        CampaignDocument doc = campaigns.document(ministry, code, 2);
        assertThat(doc.definition().title().zh()).isEqualTo("2027年检查（修订）");
        assertThat(doc.definition().reference()).isEqualTo("工信厅网安函〔2027〕1号");
        assertThat(doc.definition().deadlines().get(0).due()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(doc.definition().sampling()).singleElement().extracting(SamplingRule::id).isEqualTo("VALUE-ADDED-MIN-12");
        assertThat(doc.definition().checklistItems()).isNotEmpty();
        mvc.perform(post("/campaigns/" + code + "/versions/2/publish").with(csrf()).with(authentication(asMinistry)))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.requirePublished(code).definition().sampling().get(0).minimum()).isEqualTo(12);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "title.zh|' '|input",
            "year|abc|input",
            "year|1999|input",
            "reference|" + "很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号"
                    + "很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号"
                    + "很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号"
                    + "很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号很长的文号"
                    + "很长的文号很长的文号|input",
            "deadlines[0].due|2027-02-30|input",
            "deadlines[0].due|2030-09-30|input",
            "deadlines[0].due|' '|input",
            "deadlines[1].recipient|NOBODY|select",
            "checklist|'- id: [unclosed'|textarea",
            "checklist|'- { id: G1, title: { zh: 组, en: G }, items: [ { text: { zh: 项, en: I } } ] }'|textarea",
            "scoring|'- { id: S1, appliesTo: [NOT_A_TYPE] }'|textarea",
            "sampling|'- { id: R1, scope: PER_PROVINCE, drawnBy: PROVINCIAL_ADMINISTRATION, target: VALUE_ADDED_TELECOM, minimum: -1, description: { zh: 负, en: N } }'|textarea",
    })
    void everyBadFieldOfTheEditFormIsShownBesideItAndNothingIsStored(String field, String value, String element)
            throws Exception {
        String code = copied();
        String body = mvc.perform(edit(code).param(field, value))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("id=\"edit-problems\"");
        assertThat(body).containsPattern(Pattern.compile("<" + element + "[^>]*is-invalid[^>]*name=\""
                + Pattern.quote(field) + "\"|<" + element + "[^>]*name=\"" + Pattern.quote(field) + "\"[^>]*is-invalid"));
        assertThat(campaigns.get(ministry, code).latestVersion()).isEqualTo(1);
    }

    @Test
    void anEditThatChangesNothingStoresNoNewVersionAndSaysSo() throws Exception {
        String code = copied();
        mvc.perform(edit(code).param("year", "2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("与 " + code + " 的第 1 版相比没有任何修改")));
        assertThat(campaigns.get(ministry, code).latestVersion()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder edit(String code) {
        return post("/campaigns/" + code + "/edit").with(csrf()).with(authentication(asMinistry));
    }

    @Test
    void theTemplateIsTheLatestDefinitionAsAYamlFileAndUploadsBack() throws Exception {
        String code = copied();
        String yaml = mvc.perform(get("/campaigns/" + code + "/definition.yaml").with(authentication(asMinistry)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(campaigns.validate(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).code()).isEqualTo(code);
        mvc.perform(get("/campaigns/" + code + "/edit").with(authentication(asMinistry)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027-10-31")));
    }

    @Test
    void copyEditAndTemplateAreTheMinistrysAlone() throws Exception {
        mvc.perform(get("/campaigns/NSC-2018/copy").with(authentication(asProvincial))).andExpect(status().isForbidden());
        mvc.perform(post("/campaigns/NSC-2018/copy").param("newCode", "T-NO").param("year", "2027").with(csrf())
                .with(authentication(asProvincial))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/NSC-2018/edit").with(authentication(asProvincial))).andExpect(status().isForbidden());
        mvc.perform(post("/campaigns/NSC-2018/edit").param("year", "2019").with(csrf())
                .with(authentication(asProvincial))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/NSC-2018/definition.yaml").with(authentication(asProvincial)))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> campaigns.edit(ministry, "NO-SUCH", java.util.Map.of()))
                .isNotInstanceOf(InvalidInputException.class);
    }
}
