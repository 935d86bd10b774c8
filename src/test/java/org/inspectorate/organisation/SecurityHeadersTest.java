package org.inspectorate.organisation;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every page is served under the strict policy; only Swagger UI's own files may apply inline style. */
@DatabaseTest
class SecurityHeadersTest {

    private static final String STRICT_STYLE = "style-src 'self';";

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInPageForbidsInlineScriptAndStyleAndFraming() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        allOf(containsString("script-src 'self';"), containsString(STRICT_STYLE),
                                not(containsString("unsafe")), containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void swaggerUiMayApplyInlineStyleButStillRunsOnlyOurScriptFiles() throws Exception {
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        allOf(containsString("script-src 'self';"), containsString("style-src 'self' 'unsafe-inline';"),
                                not(containsString("unsafe-eval")), containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void theOpenApiDocumentIsPublicAndTheApiItDescribesIsNot() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
    }

    @Test
    void theLooserPolicyDoesNotReachOtherPagesThatMentionSwagger() throws Exception {
        mvc.perform(get("/swagger-ui-other"))
                .andExpect(header().string("Content-Security-Policy", containsString(STRICT_STYLE)));
    }
}
