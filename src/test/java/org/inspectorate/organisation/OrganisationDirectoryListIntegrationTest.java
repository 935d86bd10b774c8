package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.support.BulkRows;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation directory and the operator picker at scale: cursors, bounded totals, jurisdiction. */
@DatabaseTest
class OrganisationDirectoryListIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    private static final Actor MINISTRY = new Actor(-1, "ministry-lists", 0, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.MINISTRY_OFFICER));

    /** {@code count} operators named {@code prefix-00000…} in {@code province}, written straight into the table. */
    private void operators(String prefix, int count, Province province) {
        BulkRows.insert(named, """
                INSERT INTO organisation (type, name, credit_code, province_code, created_at)
                VALUES ('INTERNET_ENTERPRISE', :name, :code, :province, :at)""", count, i -> Map.of(
                "name", prefix + "-" + String.format("%05d", i),
                "code", Codes.creditCode(province.code()),
                "province", province.code(), "at", Timestamp.from(clock.instant())));
    }

    @Test
    void directoryPagesByCursorStayStableWhenOrganisationsAreRegisteredBetweenPages() {
        String token = BulkRows.token();
        operators(token, 7, Province.GANSU);
        OrganisationQuery query = new OrganisationQuery(token, null, null);
        PageResult<Organisation> first = organisations.search(MINISTRY, query, new PageRequest(0, 3, "name", true));
        assertThat(first.items()).extracting(Organisation::name)
                .containsExactly(token + "-00000", token + "-00001", token + "-00002");
        assertThat(first.next()).isNotNull();

        // one that sorts before the cursor and one after it, registered while the user reads page 1
        operators(token + "-00001a", 1, Province.GANSU);
        operators(token + "-00004a", 1, Province.GANSU);
        List<String> rest = new ArrayList<>();
        PageResult<Organisation> page = first;
        while (page.next() != null) {
            page = organisations.search(MINISTRY, query, new PageRequest(page.page() + 1, 3, "name", true, page.next()));
            page.items().forEach(o -> rest.add(o.name()));
        }
        assertThat(rest).containsExactly(token + "-00003", token + "-00004", token + "-00004a-00000",
                token + "-00005", token + "-00006");
    }

    @Test
    void moreThanTenThousandOrganisationsAreShownAsTenThousandPlusInBothLanguages() throws Exception {
        String token = BulkRows.token();
        operators(token, Total.CAP + 1, Province.GANSU);
        PageResult<Organisation> page = organisations.search(MINISTRY, new OrganisationQuery(token, null, null),
                PageRequest.first(20));
        assertThat(page.totalAtLeast()).isTrue();
        assertThat(page.total()).isEqualTo(Total.CAP);

        String zh = mvc.perform(get("/organisations").param("q", token).param("lang", "zh-CN")
                        .with(authentication(OrganisationFixtures.authentication(MINISTRY))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("10,000 条以上").doesNotContain("共 10,001");
        String en = mvc.perform(get("/organisations").param("q", token).param("lang", "en")
                        .with(authentication(OrganisationFixtures.authentication(MINISTRY))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("More than 10,000");
    }

    @Test
    void aTotalUnderTheCapIsExact() {
        String token = BulkRows.token();
        operators(token, 12, Province.GANSU);
        PageResult<Organisation> page = organisations.search(MINISTRY, new OrganisationQuery(token, null, null),
                PageRequest.first(5));
        assertThat(page.totalAtLeast()).isFalse();
        assertThat(page.total()).isEqualTo(12);
    }

    @Test
    void theOperatorPickerOfAProvincialOfficerOffersOnlyTheirProvincesOperatorsAndIsBounded() {
        String token = BulkRows.token();
        operators(token + "gs", 60, Province.GANSU);
        operators(token + "qh", 3, Province.QINGHAI);
        Actor officer = new Actor(-1, "officer-lists", 0, OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GANSU,
                Set.of(Role.PROVINCIAL_OFFICER));
        PageResult<Organisation> picked = organisations.operatorsInJurisdiction(officer, token,
                new PageRequest(0, 50, "name", true));
        assertThat(picked.items()).hasSize(50).allMatch(o -> o.province() == Province.GANSU);
        assertThat(picked.next()).as("more than the picker shows").isNotNull();
        assertThat(organisations.operatorsInJurisdiction(officer, token + "qh", PageRequest.first(50)).items())
                .isEmpty();
    }

    @Test
    void aCursorThatIsNotOursIsBadInputOnThePage() throws Exception {
        mvc.perform(get("/organisations").param("after", "not*a*cursor")
                        .with(authentication(OrganisationFixtures.authentication(MINISTRY))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("翻页位置无效")));
    }
}
