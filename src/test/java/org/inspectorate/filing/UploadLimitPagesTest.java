package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

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
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The size limit of uploads from pages (spring.servlet.multipart.max-request-size, 25 MB): a body declared larger is
 * refused before the CSRF check or any controller reads it, and shown our own 413 page. The real-server side
 * (Tomcat parsing, chunked bodies, the connection kept) is {@link UploadLimitServerTest}.
 */
@DatabaseTest
class UploadLimitPagesTest {

    private static final int LIMIT = 25 * 1024 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    @Test
    void aBulkUploadDeclaredOverTheLimitIsForwardedToThe413PageAndSavesNothing() throws Exception {
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUNAN, null);
        Actor operator = OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN);

        mvc.perform(multipart("/network-units/bulk")
                        .file(new MockMultipartFile("file", "units.xlsx", "application/octet-stream", new byte[16]))
                        .with(request -> {
                            request.setContent(new byte[LIMIT + 1]);
                            return request;
                        })
                        .with(csrf()).with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(forwardedUrl("/upload-too-large"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM network_unit WHERE organisation_id = :o").param("o", enterprise.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void the413PageSaysTheLimitInChineseByDefaultAndInEnglishOnRequest() throws Exception {
        Actor operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.HUNAN, null), Role.OPERATOR_ADMIN);

        mvc.perform(get("/upload-too-large").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString(
                        messages.getMessage("error.413.body", new Object[] {25}, Locale.SIMPLIFIED_CHINESE))));
        mvc.perform(get("/upload-too-large").param("lang", "en")
                        .with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("An upload must not exceed 25 MB")));
    }
}
