package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.inspectorate.support.TestClockConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Requests only a raw socket sends, through the real server: a request naming a foreign host ({@code Host:
 * evil.example}) never makes us point a browser or a client there (an absolute redirect would be built from the
 * header there), and a request Tomcat refuses itself (an encoded slash) still gets the security headers.
 */
@Tag("db")
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RawRequestsServerTest {

    @LocalServerPort
    int port;

    @Test
    void theRedirectToTheSignInPageStaysOnOurSite() throws IOException {
        String response = getWithHost("/findings/1", "evil.example");

        assertThat(response).startsWith("HTTP/1.1 302");
        assertThat(locationOf(response)).doesNotContain("evil.example").startsWith("/login");
    }

    @Test
    void theOpenApiDocumentNamesNoForeignServer() throws IOException {
        String response = getWithHost("/v3/api-docs", "evil.example");

        assertThat(response).startsWith("HTTP/1.1 200").contains("\"servers\"").doesNotContain("evil.example");
    }

    @Test
    void aRequestTheContainerRefusesItselfCarriesTheSecurityHeadersAndNoServerName() throws IOException {
        for (String path : new String[] {"/findings%2F1", "/api/v1/findings%2F1", "/%2e%2e%2Fetc"}) {
            String response = getWithHost(path, "localhost");

            assertThat(response).as(path).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).as(path)
                    .contains("content-security-policy: default-src 'none'")
                    .contains("x-frame-options: deny")
                    .contains("x-content-type-options: nosniff")
                    .doesNotContain("tomcat").doesNotContain("<style");
        }
    }

    /** A raw request, since HTTP clients refuse to send a Host header of the caller's choosing. */
    private String getWithHost(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String locationOf(String response) {
        return response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .map(l -> l.substring(9).strip()).orElse("");
    }
}
