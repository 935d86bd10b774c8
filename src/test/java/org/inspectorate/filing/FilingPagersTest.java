package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;


import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The filing lists page with the shared pager: its links to the next page keep the filters and the sort of the
 * page being shown (taken from the query string, as a browser or htmx sends them), and when htmx swaps the results
 * the links swap the same results.
 */
@DatabaseTest
class FilingPagersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;

    private Actor operator;
    private Actor officer;

    @BeforeEach
    void twentyOneFiledLevelThreeUnits() {
        operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.NINGXIA, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.NINGXIA, null), Role.PROVINCIAL_OFFICER);
        for (int i = 0; i < 21; i++) {
            NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("分页单元 " + i, "3.1",
                    List.of(new AssetInput("DOMAIN", "pager" + i + ".example.cn", null))));
            NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
            if (i % 2 == 0) {
                units.accept(officer, draft.id(), submitted.version());
            }
        }
    }

    /** The tag of the pager's "next" link (its href with the query string as rendered, &amp; between parameters). */
    private static ResultMatcher nextLink(Matcher<String> matcher) {
        return result -> {
            java.util.regex.Matcher m = Pattern.compile("<a [^>]*id=\"page-next\"[^>]*>")
                    .matcher(result.getResponse().getContentAsString());
            assertThat(m.find()).as("a next-page link").isTrue();
            assertThat(m.group()).satisfies(tag -> MatcherAssert.assertThat(tag, matcher));
        };
    }

    @Test
    void theUnitListsNextPageKeepsTheLevelFilterAndTheSort() throws Exception {
        mvc.perform(get("/network-units?level=3.1&sort=name&asc=true")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(nextLink(allOf(containsString("level=3.1"),
                        containsString("sort=name"), containsString("asc=true"), containsString("page=1"),
                        containsString("hx-target=\"#unit-results\""))))
                // the column already sorted on turns the other way, keeps the filter, and starts again at page 1
                .andExpect(content().string(containsString("href=\"/network-units?level=3.1&amp;sort=name&amp;asc=false\"")));
    }

    @Test
    void theObligationListsNextPageKeepsTheKindAndLevelFilters() throws Exception {
        // 11 filed units at level 3.1 owe 22 obligations (a conformity evaluation and a risk assessment each)
        mvc.perform(get("/obligations?level=3.1&sort=unitName")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isOk())
                .andExpect(nextLink(allOf(containsString("level=3.1"),
                        containsString("sort=unitName"), containsString("page=1"),
                        containsString("hx-target=\"#obligation-results\""))));
    }

    @Test
    void theReviewQueuesNextPageAndSortHeadersKeepTheCategoryFilter() throws Exception {
        // ten units already wait for review; eleven more make a second page
        for (int i = 0; i < 11; i++) {
            NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("待审 " + i, "3.1",
                    List.of(new AssetInput("DOMAIN", "queue" + i + ".example.cn", null))));
            units.submit(operator, draft.id(), draft.version());
        }
        String category = NetworkUnitFixtures.unitInput("x", "3.1", List.of()).category();
        mvc.perform(get("/filings/review-queue?category=" + category + "&sort=name")
                        .with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk())
                .andExpect(nextLink(allOf(containsString("category=" + category),
                        containsString("sort=name"), containsString("page=1"),
                        containsString("hx-target=\"#queue-results\""))))
                // the column already sorted on turns the other way; another column sorts ascending; both keep the filter
                .andExpect(content().string(containsString(
                        "href=\"/filings/review-queue?category=" + category + "&amp;sort=name&amp;asc=false\"")))
                .andExpect(content().string(containsString(
                        "href=\"/filings/review-queue?category=" + category + "&amp;sort=dueOn&amp;asc=true\"")));
    }
}
