package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.ServerBrowser;
import org.inspectorate.support.TestClockConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * The draw page's download against a real server, read by a strict HTTP client: the signed-in officer's session gets
 * the whole published file (the body ends properly), it is the file the verifier accepts, and nothing is logged as
 * an error. The page shows the commitment announced at scheduling and when.
 */
@Tag("db")
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
class DrawDownloadServerTest {

    private static final String PASSWORD = "Juniper-Quay2031!Zz";
    private static final Province PROVINCE = Province.ZHEJIANG;
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Agencies agencies;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Draws draws;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    Clock clock;

    private final ServerBrowser browser = new ServerBrowser(() -> port);
    private final HttpClient http = browser.client();

    @Test
    void theDrawPageShowsTheCommitmentWithItsTimeAndItsDownloadGivesTheSignedInOfficerTheWholeFileWithoutAnError(CapturedOutput output)
            throws Exception {
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, null);
        DrawView draw = drawn(administration);
        String username = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        String secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, username, secret);
        signIn(username, secret);

        HttpResponse<String> page = get("/draws/" + draw.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/draws/" + draw.id() + "/published\"");
        assertThat(page.body()).as("the commitment announced at scheduling, with its time")
                .contains(draw.commitmentDigest()).contains("id=\"commitment-at\"");
        int errorsBefore = errorLines(output);

        // ofByteArray fails on a chunked body that is never ended, as curl (exit 18) and urllib did
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(uri("/draws/" + draw.id() + "/published"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"draw-"
                + draw.id() + ".json\"");
        String json = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(draws.published(OrganisationFixtures.actor(administration,
                Role.PROVINCIAL_OFFICER), draw.id()).toJson());
        assertThat(PublishedDraw.fromJson(json).commitment().digest()).isEqualTo(draw.commitmentDigest());
        Thread.sleep(500); // an async dispatch after the response logs a moment later
        assertThat(errorLines(output)).as("ERROR lines logged by the download").isEqualTo(errorsBefore);
    }

    private static int errorLines(CapturedOutput output) {
        return (int) output.getAll().lines().filter(l -> l.contains(" ERROR ")).count();
    }

    private DrawView drawn(Organisation administration) {
        Actor preparer = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        Actor approver = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        filedUnit(preparer);
        filedUnit(preparer);
        LocalDate year = LocalDate.now(clock).plusYears(1);
        Organisation agency = AgencyFixtures.agency(organisations, agencies, preparer, year);
        for (int i = 0; i < 3; i++) {
            AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "ON_SITE_TESTING"),
                    year, year);
        }
        DrawRulesVersion rules = drawRules.save(preparer, new RulesInput("download-rules", "1", "2",
                List.of("ON_SITE_TESTING"), "TEAM_LEADER", "5", "3", "0", ""));
        DrawView draft = draws.prepare(preparer, new DrawInput("浙江省下载", Long.toString(rules.id()), "",
                "VALUE_ADDED_TELECOM", "", "", List.of("ON_SITE_TESTING"), LocalDate.now(clock).toString()));
        draws.approve(approver, draft.id());
        return draws.run(preparer, draft.id(), "见证人：公证处 王五");
    }

    private void filedUnit(Actor officer) {
        Actor operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, null), Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        units.accept(officer, draft.id(), submitted.version());
    }

    private void signIn(String username, String secret) throws Exception {
        assertThat(post("/login", ServerBrowser.csrfOf(get("/login")), Map.of("username", username, "password", PASSWORD))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> mfa = get("/mfa");
        assertThat(post("/mfa", ServerBrowser.csrfOf(mfa), Map.of("code", BrowserAccountFixtures.freshCode(secret))).statusCode())
                .isEqualTo(302);
        assertThat(get("/draws").statusCode()).isEqualTo(200);
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
