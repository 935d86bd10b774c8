package org.inspectorate.selfinspection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.inspectorate.campaign.CampaignVersion;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.Recipient;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Province;

/**
 * A small published campaign with a chosen self-inspection deadline, a network unit for findings, and a
 * workspace in any state for the aggregate's own tests.
 */
public final class SelfInspectionFixtures {

    /** The checklist of {@link #campaign}: three items. */
    public static final List<String> ITEMS = List.of("PWD-01", "VUL-01", "D24-01");

    private SelfInspectionFixtures() {
    }

    /** Uploads and publishes a campaign (a unique code) whose self-inspection reports are due on {@code due}. */
    public static String campaign(Campaigns campaigns, Actor ministry, LocalDate due) {
        CampaignVersion v = uploaded(campaigns, ministry, due);
        campaigns.publish(ministry, v.code(), v.number());
        return v.code();
    }

    /** Uploads a campaign as {@link #campaign} does and leaves it a draft, which only the Ministry sees. */
    public static String draftCampaign(Campaigns campaigns, Actor ministry, LocalDate due) {
        return uploaded(campaigns, ministry, due).code();
    }

    private static CampaignVersion uploaded(Campaigns campaigns, Actor ministry, LocalDate due) {
        String code = "SI-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
        String yaml = """
                code: %s
                year: 2026
                title: { zh: 自查测试检查, en: Self-inspection test campaign }
                basis:
                  - { id: DECREE-24, kind: DECREE_24, title: { zh: 电信和互联网用户个人信息保护规定, en: Decree 24 } }
                  - { id: WEAK-PASSWORD, kind: WEAK_PASSWORD, title: { zh: 弱口令, en: Weak passwords } }
                  - { id: VULN, kind: VULNERABILITY, title: { zh: 中高危漏洞, en: Vulnerabilities } }
                focusObjects:
                  - { id: PORTAL, name: { zh: 企业门户网站, en: Portals } }
                operatorTypes: [BASIC_TELECOM_GROUP, BASIC_TELECOM_PROVINCIAL, INTERNET_ENTERPRISE]
                checklist:
                  - id: G-RISK
                    title: { zh: 弱口令和中高危漏洞, en: Weak passwords and vulnerabilities }
                    items:
                      - { id: PWD-01, text: { zh: 不存在默认口令、空口令或弱口令, en: "No default, empty or weak password" }, basis: [WEAK-PASSWORD] }
                      - { id: VUL-01, text: { zh: 不存在未修复的中高危漏洞, en: No unfixed medium or high risk vulnerability }, basis: [VULN] }
                  - id: G-D24
                    title: { zh: 个人信息保护, en: Personal information }
                    items:
                      - { id: D24-01, text: { zh: 公布个人信息收集使用规则, en: Collection and use rules are published }, basis: [DECREE-24] }
                deadlines:
                  - id: SELF-MINISTRY
                    kind: SELF_INSPECTION_REPORT
                    from: [BASIC_TELECOM_GROUP]
                    recipient: MINISTRY
                    due: %s
                    title: { zh: 报部, en: To the Ministry }
                  - id: SELF-LOCAL
                    kind: SELF_INSPECTION_REPORT
                    from: [BASIC_TELECOM_PROVINCIAL, INTERNET_ENTERPRISE]
                    recipient: LOCAL_ADMINISTRATION
                    due: %s
                    title: { zh: 报当地通信管理局, en: To the local administration }
                sla: { HIGH: 15, MEDIUM: 30, LOW: 90 }
                """.formatted(code, due, due);
        return campaigns.upload(ministry, code + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A workspace as the repository restores it, in {@code state}, routed to the Fujian administration and due
     * on 30 September 2018; submitted once (on time) unless it is still in progress.
     */
    public static Workspace workspace(WorkspaceState state) {
        Instant created = Instant.parse("2018-09-01T02:00:00Z");
        boolean submitted = state != WorkspaceState.IN_PROGRESS;
        Instant firstSubmitted = submitted ? Instant.parse("2018-09-20T02:00:00Z") : null;
        boolean reviewed = state == WorkspaceState.ACCEPTED || state == WorkspaceState.RETURNED;
        return new Workspace(11, "SI-TEST", 22, state, Recipient.LOCAL_ADMINISTRATION, Province.FUJIAN,
                LocalDate.of(2018, 9, 30), "概况", null, firstSubmitted, firstSubmitted, submitted ? "op" : null, false,
                reviewed ? Instant.parse("2018-09-21T02:00:00Z") : null, reviewed ? "officer" : null,
                state == WorkspaceState.RETURNED ? "请补充" : null, "op", created, created, 3);
    }

    /** A network unit of the operator's own organisation, for the findings its answers open. */
    public static long unit(NetworkUnits units, Actor operator) {
        return units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn")))).id();
    }
}
