package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.inspectorate.support.ServerBrowser;
import org.inspectorate.support.TestClockConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every answer names its request, through the real server (filters, error dispatch, Tomcat): the response header,
 * the problem body, the error page and the log lines of that request carry the same id; a balancer's plain id is
 * kept, and a header that could forge a log line is replaced.
 */
@Tag("db")
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG")
class RequestIdServerTest {

    @LocalServerPort
    int port;

    private final ServerBrowser browser = new ServerBrowser(() -> port);
    private final HttpClient http = browser.client();

    private HttpResponse<String> get(String path, String offeredId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(path)).header("Accept", "text/html").GET();
        if (offeredId != null) {
            request.header(RequestIds.HEADER, offeredId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(HttpResponse<String> response) {
        return response.headers().firstValue(RequestIds.HEADER).orElseThrow();
    }

    @Test
    void anApiProblemCarriesTheIdOfItsResponseHeader() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(idOf(response)).matches("[0-9a-f]{32}");
        assertThat(response.body()).contains("\"requestId\":\"" + idOf(response) + "\"");
    }

    @Test
    void aBalancersPlainIdIsKeptAndLoggedWithTheRequest(CapturedOutput output) throws Exception {
        String id = "nginx-3f9c2a7d41b8e605";
        HttpResponse<String> response = get("/error", id);

        assertThat(idOf(response)).isEqualTo(id);
        assertThat(response.body()).contains(id);
        assertThat(output.getOut()).containsPattern("DEBUG \\[" + id + "\\].*DispatcherServlet.*\"/error\"");
    }

    @Test
    void anIdThatCouldForgeALogLineIsReplaced() throws Exception {
        for (String hostile : new String[] {"short", "x".repeat(65), "id with spaces", "id%0Aforged"}) {
            HttpResponse<String> response = get("/api/v1/me", hostile);

            assertThat(idOf(response)).as(hostile).isNotEqualTo(hostile).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void theErrorPageShowsTheIdToQuote() throws Exception {
        HttpResponse<String> page = get("/error", null);

        assertThat(page.body()).contains("id=\"error-request\"").contains(idOf(page));
    }
}
