package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.support.ServerBrowser.csrfOf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.ServerBrowser;
import org.inspectorate.support.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 50 MB upload against the real server (Tomcat, Spring Security's CSRF check, sessions in the database): every
 * page that takes a file answers our own 413 page in the user's language — with or without a Content-Length —
 * nothing is saved and the server keeps serving.
 */
@Tag("db")
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
class UploadLimitServerTest {

    private static final String PASSWORD = "Qz7!upload-Limit";
    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String BOUNDARY = "----inspectorate-upload-limit";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    NetworkUnits units;

    private final ServerBrowser browser = new ServerBrowser(() -> port);
    private Organisation enterprise;
    private String csrf;

    @BeforeEach
    void signIn() throws Exception {
        enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.HUBEI, null);
        String operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        HttpResponse<String> signedIn = browser.post("/login", csrfOf(get("/login")),
                Map.of("username", operator, "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> bulkPage = get("/network-units"); // the bulk upload form is on the units list
        assertThat(bulkPage.statusCode()).isEqualTo(200);
        csrf = csrfOf(bulkPage);
    }

    @Test
    void aFiftyMegabyteBulkFileGetsOurPageInChineseAndNothingIsSaved() throws Exception {
        HttpResponse<String> refused = upload("/network-units/bulk", FIFTY_MB, true);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(refused.body()).contains("id=\"error-title\"")
                .contains(text("error.413.title", Locale.SIMPLIFIED_CHINESE))
                .contains(messages.getMessage("error.413.body", new Object[] {25}, Locale.SIMPLIFIED_CHINESE))
                .contains("id=\"nav-account\"") // rendered in the user's session, with the navigation
                .doesNotContain("Apache Tomcat");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(unitsOfEnterprise()).isZero();
        assertThat(get("/network-units").statusCode()).as("the server still serves").isEqualTo(200);
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsRefusedInEnglishWhenTheUserChoseEnglish() throws Exception {
        assertThat(get("/?lang=en").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = upload("/network-units/bulk", 30L * 1024 * 1024, false);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains(text("error.413.title", Locale.ENGLISH))
                .contains(messages.getMessage("error.413.body", new Object[] {25}, Locale.ENGLISH));
        assertThat(unitsOfEnterprise()).isZero();
        assertThat(get("/network-units").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageThatTakesAFileRefusesTheSameWay() throws Exception {
        Actor actor = OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN);
        long unit = units.create(actor, NetworkUnitFixtures.unitInput("上传限制单元", "2",
                List.of(new AssetInput("DOMAIN", "upload-limit.example.cn", null)))).id();
        for (String path : List.of("/network-units/" + unit + "/attachments", "/network-units/" + unit + "/evaluations",
                "/campaigns/upload", "/findings/1/evidence", "/agencies/1/commitments")) {
            HttpResponse<String> refused = upload(path, 30L * 1024 * 1024, true);
            assertThat(refused.statusCode()).as(path).isEqualTo(413);
            assertThat(refused.body()).as(path).contains(text("error.413.title", Locale.SIMPLIFIED_CHINESE));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_attachment WHERE unit_id = :u").param("u", unit)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiStillAnswersProblemJsonForAnUploadOverTheLimit() throws Exception {
        HttpResponse<String> created = browser.post("/account/tokens", csrf, Map.of("name", "limit", "validityDays", "1"));
        assertThat(created.statusCode()).isEqualTo(302);
        Matcher token = Pattern.compile("id=\"token-value\">([^<]+)<").matcher(get("/account").body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> refused = send(multipart("/api/v1/network-units/bulk", 30L * 1024 * 1024, true)
                .header("Authorization", "Bearer " + token.group(1)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413").contains(text("error.body-too-large", Locale.SIMPLIFIED_CHINESE));
        assertThat(unitsOfEnterprise()).isZero();
    }

    @Test
    void aBodyThatIsNotMultipartAsDeclaredGetsOurErrorPage() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(browser.uri("/network-units/bulk"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"x.xlsx\"\r\n\r\nno closing boundary")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains(text("error.generic.title", Locale.SIMPLIFIED_CHINESE))
                .doesNotContain("Apache Tomcat");
        assertThat(get("/network-units").statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadWithinTheLimitStillReachesThePage() throws Exception {
        HttpResponse<String> answered = upload("/network-units/bulk", 1024, true);

        // not an XLSX: the bulk page's own message, not the size page
        assertThat(answered.statusCode()).isEqualTo(400);
        assertThat(answered.body()).doesNotContain(text("error.413.title", Locale.SIMPLIFIED_CHINESE));
    }

    private HttpResponse<String> upload(String path, long fileBytes, boolean withLength) throws Exception {
        return send(multipart(path, fileBytes, withLength));
    }

    private HttpRequest.Builder multipart(String path, long fileBytes, boolean withLength) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                new SequenceInputStream(new ByteArrayInputStream(head), zeros(fileBytes)), new ByteArrayInputStream(tail)));
        HttpRequest.BodyPublisher body = withLength
                ? HttpRequest.BodyPublishers.fromPublisher(stream, head.length + fileBytes + tail.length)
                : stream;
        return HttpRequest.newBuilder(browser.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body);
    }

    private static InputStream zeros(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                Arrays.fill(b, off, off + k, (byte) 'x');
                left -= k;
                return k;
            }
        };
    }

    private long unitsOfEnterprise() {
        return jdbc.sql("SELECT COUNT(*) FROM network_unit WHERE organisation_id = :o").param("o", enterprise.id())
                .query(Long.class).single();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.get(path);
    }

    /** A request the form helper does not build (a multipart body, a bearer token), sent with the session's cookies. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
