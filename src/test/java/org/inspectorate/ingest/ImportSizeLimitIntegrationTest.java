package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The import's own size limit, set small here: over it the API answers 413 problem+json, the page our message. */
@DatabaseTest
@TestPropertySource(properties = "inspectorate.import.max-size=2MB")
class ImportSizeLimitIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportOverTheLimitIsRefusedWith413OnTheApiAndOurMessageOnThePage() throws Exception {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.ZHEJIANG, null);
        Actor operator = OrganisationFixtures.actor(org, Role.OPERATOR_ADMIN);
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String boundary = "----big";
        byte[] body = ImportFixtures.multipart(boundary, "big.nessus", big);
        mvc.perform(post("/api/v1/imports").contentType("multipart/form-data; boundary=" + boundary).content(body)
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("2 MB")));
        mvc.perform(post("/imports").contentType("multipart/form-data; boundary=" + boundary).content(body)
                        .with(csrf().asHeader())
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().string(containsString("报告超过 2 MB 的上限")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_job WHERE organisation_id = :o")
                .param("o", org.id()).query(Long.class).single()).isZero();
    }
}
