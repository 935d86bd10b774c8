package org.inspectorate.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** Errors answer in the caller's language: problem+json for the API, the HTML error page for pages. */
@DatabaseTest
class ErrorAnswersIntegrationTest {

    @Autowired
    MockMvc mvc;

    private final Authentication officer = OrganisationFixtures.authentication(new Actor(1L, "officer", 1L,
            OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, Set.of(Role.PROVINCIAL_OFFICER)));

    @Test
    void anUnknownApiPathAnswersProblemJson() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(authentication(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMethodTheApiPathDoesNotTakeAnswersProblemJson() throws Exception {
        mvc.perform(delete("/api/v1/me").with(authentication(officer)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPageParameterOfTheWrongTypeAnswersTheHtmlErrorPage() throws Exception {
        mvc.perform(get("/draws/abc").with(authentication(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }
}
