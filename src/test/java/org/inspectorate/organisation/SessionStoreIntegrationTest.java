package org.inspectorate.organisation;

import org.springframework.context.annotation.Import;
import org.inspectorate.support.ServerBrowser;
import org.inspectorate.support.TestClockConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in through a real server with sessions in the database: every stage of the sign-in (password,
 * second factor) survives being written to and read back from the session table, as it must for
 * several nodes behind a load balancer.
 */
@Tag("db")
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=")
class SessionStoreIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;
    @Autowired
    Organisations organisations;

    @Autowired
    UserAccountRepository users;
    @Autowired
    TotpSecretSeal seal;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Value("${spring.session.jdbc.cleanup-cron}")
    String cleanupCron;

    private final ServerBrowser browser = new ServerBrowser(() -> port);
    private final HttpClient http = browser.client();

    @Test
    void aRegulatorSignsInWithASecondFactorOnSessionsKeptInTheDatabase() throws Exception {
        Organisation admin = OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.SICHUAN, null);
        SignInFixtures.Account account = SignInFixtures.account(users, encoder, admin, false, Role.PROVINCIAL_OFFICER);

        HttpResponse<String> signIn = post("/login", ServerBrowser.csrfOf(get("/login")), Map.of("username", account.username(),
                "password", SignInFixtures.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/mfa"));

        HttpResponse<String> enrol = get("/mfa/enrol");
        assertThat(enrol.statusCode()).isEqualTo(200);
        String secret = seal.open(account.id(), jdbc.sql("SELECT totp_secret_sealed FROM user_account WHERE id = :id")
                .param("id", account.id()).query(String.class).single());
        String code = new DefaultCodeGenerator().generate(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30));
        HttpResponse<String> enrolled = post("/mfa/enrol", ServerBrowser.csrfOf(enrol), Map.of("code", code));
        assertThat(enrolled.statusCode()).isEqualTo(200);
        assertThat(enrolled.body()).contains("recovery-codes");

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("role-badge");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
                .param("name", account.username()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void athousandAnonymousVisitsLeaveNoSessionInTheTable() throws Exception {
        long before = sessionRows();
        HttpClient noCookies = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String[] paths = {"/login", "/", "/findings/1", "/draws/abc", "/login?error", "/api/v1/findings", "/mfa"};
        for (int i = 0; i < 1000; i++) {
            HttpClient client = i % 2 == 0 ? http : noCookies; // a browser keeping its cookies, and a script
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(paths[i % paths.length])).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isLessThan(500);
        }
        assertThat(sessionRows()).isEqualTo(before);
        HttpResponse<String> firstVisit = noCookies.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(firstVisit.headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("INSPECTORATE_SESSION="))
                .anyMatch(c -> c.startsWith(SessionOrCookieCsrfTokens.COOKIE + "=") && c.contains("HttpOnly"));
    }

    @Test
    void theSignInFormsTokenIsRefusedWithoutItsCookie() throws Exception {
        String csrf = ServerBrowser.csrfOf(get("/login"));
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> forged = stranger.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y&_csrf=" + ServerBrowser.enc(csrf))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void expiredSessionsAreRemovedByTheScheduledCleanUp() {
        jdbc.sql("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,"
                        + " MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) VALUES ('expired-row-primary-id-000000001',"
                        + " 'expired-row-session-id-00000000001', 1, 1, 1800, 1801000, 'nobody')").update();
        assertThat(cleanupCron).isNotBlank();
        sessions.cleanUpExpiredSessions();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = 'expired-row-primary-id-000000001'")
                .query(Long.class).single()).isZero();
    }

    private long sessionRows() {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.get(path);
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> form) throws Exception {
        return browser.post(path, csrf, form);
    }

    private URI uri(String path) {
        return browser.uri(path);
    }
}
