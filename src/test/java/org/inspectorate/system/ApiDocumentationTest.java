package org.inspectorate.system;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document describes the real REST API: its paths with their operations and summaries, and the
 * problem+json answer every error has.
 */
@DatabaseTest
class ApiDocumentationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentNamesTheOrganisationUserAndAgencyOperationsWithTheirSummaries() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/organisations'].get.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/organisations'].post.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{id}'].get.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/users'].get.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/users'].post.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/me'].get.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/agencies'].get.summary", not(emptyOrNullString())))
                .andExpect(jsonPath("$.paths['/api/v1/inspectors/eligible'].get.parameters[*].name", hasItems("on")))
                // Only the API is documented, and the signed-in actor is never a request parameter.
                .andExpect(jsonPath("$.paths['/organisations']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/users'].get.parameters[*].name", not(hasItems("actor"))));
    }

    @Test
    void everyErrorIsDocumentedAsProblemJson() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisations'].post.responses['400'].content['application/problem+json'].schema['$ref']",
                        startsWith("#/components/schemas/ProblemDetail")))
                .andExpect(jsonPath("$.components.schemas.ProblemDetail.properties.status.type").value("integer"))
                .andExpect(jsonPath("$.components.schemas.ProblemDetail.properties.title.type").value("string"));
    }
}
