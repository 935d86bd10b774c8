package org.inspectorate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.inspectorate.audit.AuditTrail;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The generator's tiny preset, loaded into the database the other tests of this JVM share (beside their data):
 * everything it promises is there, the audit chain still verifies, and its accounts sign in.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalDatasetTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;
    @Autowired
    Environment environment;

    private NationalDataset.Result result;
    private String prefix;
    private long headAfterLoad;

    @BeforeAll
    void loadTheTinyPreset() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            result = NationalDataset.load(c, Preset.TINY, 7, LocalDate.now(clock),
                    environment.getProperty("inspectorate.security.mfa-seal-key"));
        }
        prefix = result.accountPrefix();
        headAfterLoad = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("p", prefix + "%").query(Long.class).single();
    }

    @Test
    void theTinyPresetHoldsWhatItPromises() {
        Preset tiny = Preset.TINY;
        assertThat(count("SELECT COUNT(*) FROM user_account WHERE username LIKE :p AND username LIKE '%op-%'"))
                .isEqualTo(tiny.operators());
        String operators = "SELECT organisation_id FROM user_account WHERE username LIKE :p AND username LIKE '%op-%'";
        assertThat(count("SELECT COUNT(*) FROM network_unit WHERE organisation_id IN (" + operators + ")"))
                .isEqualTo(tiny.units());
        assertThat(count("SELECT COUNT(*) FROM finding WHERE organisation_id IN (" + operators + ")"))
                .isEqualTo(tiny.findings());
        assertThat(count("SELECT COALESCE(SUM(n), 0) FROM finding_tally WHERE organisation_id IN (" + operators + ")"))
                .as("the counters the home pages read").isEqualTo(tiny.findings());
        assertThat(count("SELECT COALESCE(SUM(n), 0) FROM finding_tally_operator WHERE organisation_id IN ("
                + operators + ")")).as("the per-operator counters").isEqualTo(tiny.findings());
        assertThat(count("SELECT COUNT(*) FROM finding f JOIN organisation o ON o.id = f.organisation_id"
                + " WHERE f.organisation_id IN (" + operators + ") AND (f.province_code = o.province_code"
                + " OR f.province_code IS NULL AND o.province_code IS NULL)")).isEqualTo(tiny.findings());
        assertThat(count("SELECT COUNT(*) FROM finding f JOIN user_account a ON a.organisation_id = f.organisation_id"
                + " WHERE a.username LIKE :p AND a.username LIKE '%op-big'")).isEqualTo(tiny.bigFindings());
        assertThat(count("SELECT COUNT(*) FROM finding_event e JOIN finding f ON f.id = e.finding_id"
                + " WHERE f.organisation_id IN (" + operators + ")")).isEqualTo(result.history())
                .isGreaterThan(tiny.findings());
        assertThat(count("SELECT COUNT(*) FROM self_inspection_answer WHERE answered_by LIKE :p"))
                .isEqualTo(result.answers()).isEqualTo(tiny.answers());
        assertThat(count("SELECT COUNT(*) FROM self_inspection_answer WHERE answered_by LIKE :p"
                + " AND answer = 'NOT_COMPLIANT' AND finding_id IS NULL")).isZero();
        // the other tests' sign-ins append entries of these accounts after the load
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE actor LIKE :p AND seq <= " + headAfterLoad))
                .isEqualTo(tiny.auditEntries());
        assertThat(count("SELECT COUNT(DISTINCT type) FROM organisation WHERE id IN (" + operators + ")"))
                .as("every operator type").isEqualTo(7);
        assertThat(count("SELECT COUNT(DISTINCT filing_state) FROM network_unit WHERE organisation_id IN ("
                + operators + ")")).as("units in every state").isEqualTo(4);
    }

    @Test
    void theAuditChainStillVerifiesWithTheGeneratedEntries() {
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aGeneratedOperatorSignsInAndOpensTheFindings() throws Exception {
        MvcResult signIn = mvc.perform(post("/login").param("username", prefix + "op-big")
                .param("password", DatasetDirectory.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
        mvc.perform(get("/findings").session(session)).andExpect(status().isOk());
    }

    @Test
    void aGeneratedRegulatorSignsInWithTheFixedSecondFactor() throws Exception {
        MvcResult signIn = mvc.perform(post("/login").param("username", prefix + "ministry")
                .param("password", DatasetDirectory.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/mfa")).andReturn();
        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);
        long step = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        mvc.perform(post("/mfa").session(session).with(csrf())
                .param("code", BrowserAccountFixtures.codeAt(DatasetDirectory.TOTP_SECRET, step)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/findings").session(session)).andExpect(status().isOk());
    }
}
