package org.inspectorate.demo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.FilingAuthority;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitInput;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.filing.attachment.UnitAttachments;
import org.inspectorate.obligation.ObligationInput;
import org.inspectorate.obligation.ObligationRecord;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Network units of the demo operators in every filing state, through {@link NetworkUnits} and
 * {@link Obligations} acting as the operator and its filing authority, so that every rule holds:
 * filed units (with filing numbers) whose evaluations are overdue, due soon or reported; a unit
 * under review; a returned one with reasons; drafts, one of them past its filing deadline; the returned unit
 * and a draft carry attachments (a topology diagram, a filing report).
 * Dates count back from the clock, so "overdue" stays true whenever the demo starts. Deterministic
 * and idempotent: an operator that already has units is left alone.
 */
class DemoFilings {

    /** The demo operators that get units: a provincial company, a group, value-added and internet enterprises. */
    static final List<String> OPERATORS = List.of("telecom-bj", "telecom", "vas-bj", "net-sh", "vas-cross");

    private final Organisations organisations;
    private final NetworkUnits units;
    private final Obligations obligations;
    private final UnitAttachments attachments;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoFilings(Organisations organisations, NetworkUnits units, Obligations obligations, UnitAttachments attachments,
            TransactionTemplate transaction, Clock clock) {
        this.organisations = organisations;
        this.units = units;
        this.obligations = obligations;
        this.attachments = attachments;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** How many units one run created. */
    int load() {
        Integer created = transaction.execute(status -> {
            int n = 0;
            int index = 0;
            for (String key : OPERATORS) {
                index++;
                Organisation org = find(key);
                Actor operator = new Actor(0, "demo-data", org.id(), org.type(), org.province(),
                        Set.of(Role.OPERATOR_ADMIN));
                if (units.list(operator, UnitQuery.all(), PageRequest.first(1)).total() > 0) {
                    continue;
                }
                n += loadFor(operator, org, index);
            }
            return n;
        });
        return created == null ? 0 : created;
    }

    private int loadFor(Actor operator, Organisation org, int index) {
        LocalDate today = LocalDate.now(clock);
        String short4 = shortName(org.name());
        String host = "op" + index;
        int n = 0;

        // Filed, level 3.1: the yearly conformity evaluation is overdue, and the last risk assessment's result
        // has not reached the authority within 30 days.
        NetworkUnit portal = file(operator, unit(short4 + "门户网站系统", "PORTAL", "3.1", today.minusDays(400),
                List.of(asset("DOMAIN", "www." + host + ".example", null), asset("URL", "https://www." + host
                        + ".example/", null), asset("CIDR", "203.0.113." + (index * 16) + "/28", "80,443"))));
        record(operator, portal, "CONFORMITY_EVALUATION", today.minusDays(395), "PASS", null, today.minusDays(380));
        record(operator, portal, "RISK_ASSESSMENT", today.minusDays(50), "PASS_WITH_ISSUES",
                "弱口令 2 处已整改，日志留存不足 6 个月计划于下季度完成整改", null);
        n++;

        // Filed, level 3.2: the conformity evaluation is due soon; its result was reported in time.
        NetworkUnit userData = file(operator, unit(short4 + "用户信息管理系统", "USER_DATA_SYSTEM", "3.2",
                today.minusDays(380), List.of(asset("IP_ADDRESS", "198.51.100." + (index * 10 + 1), "443"),
                        asset("IP_ADDRESS", "2001:db8:" + index + "::10", "443"),
                        asset("DOMAIN", "crm." + host + ".example", null))));
        record(operator, userData, "CONFORMITY_EVALUATION", today.minusDays(358), "PASS", null, today.minusDays(340));
        n++;

        // Filed, level 2: nothing due for two years.
        file(operator, unit(short4 + "域名解析系统", "DNS", "2", today.minusDays(60),
                List.of(asset("IP_ADDRESS", "192.0.2." + (index * 10 + 53), "53"),
                        asset("CIDR", "2001:db8:" + index + ":53::/64", "53"))));
        n++;

        // Submitted, pending review.
        NetworkUnit billing = units.create(operator, unit(short4 + "计费结算系统", "BILLING", "2", today.minusDays(12),
                List.of(asset("IP_ADDRESS", "198.51.100." + (index * 10 + 2), "8443"))));
        units.submit(operator, billing.id(), billing.version());
        n++;

        // Returned with reasons.
        NetworkUnit app = units.create(operator, unit(short4 + "移动应用及后台", "MOBILE_APP", "3.1", today.minusDays(20),
                List.of(asset("APP_PACKAGE", "cn.example." + host + ".app", null),
                        asset("URL", "https://api." + host + ".example/v1", null))));
        attach(operator, app, "TOPOLOGY", "网络拓扑图.png", DemoFiles.topologyPng());
        attach(operator, app, "FILING_REPORT", "定级报告.pdf", DemoFiles.reportPdf("Grading report " + host));
        NetworkUnit submitted = units.submit(operator, app.id(), app.version());
        units.returnForCorrection(reviewerOf(submitted), app.id(), submitted.version(),
                "1. 定级理由未对照对社会秩序和公共利益的损害程度逐项说明；\n2. 资产清单缺少后台服务器公网 IP 地址段及开放端口。");
        n++;

        // Drafts: one fresh, one whose filing is overdue (grading review passed 45 days ago).
        units.create(operator, unit(short4 + "办公邮件系统", "EMAIL", "1", today.minusDays(5),
                List.of(asset("DOMAIN", "mail." + host + ".example", null))));
        NetworkUnit cloud = units.create(operator, unit(short4 + "公共云主机平台", "PUBLIC_CLOUD", "2",
                today.minusDays(45), List.of(asset("CIDR", "192.0.2." + (index * 16) + "/28", "22,443"),
                        asset("DOMAIN", "cloud." + host + ".example", null))));
        attach(operator, cloud, "TOPOLOGY", "云平台拓扑.png", DemoFiles.topologyPng());
        n += 2;
        return n;
    }

    /** Units under preparation carry their topology diagram and filing report, as the filing system asks. */
    private void attach(Actor operator, NetworkUnit unit, String kind, String fileName, byte[] content) {
        attachments.add(operator, unit.id(), kind, new UnitAttachments.Upload(fileName, new ByteArrayInputStream(content)));
    }

    private NetworkUnit file(Actor operator, UnitInput input) {
        NetworkUnit draft = units.create(operator, input);
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(reviewerOf(submitted), draft.id(), submitted.version());
    }

    private ObligationRecord record(Actor operator, NetworkUnit unit, String kind, LocalDate on, String outcome,
            String rectification, LocalDate reportedOn) {
        return obligations.record(operator, unit.id(), new ObligationInput(kind, on.toString(),
                "中国信息通信研究院安全研究所", outcome, "按 YD/T 相关标准完成测评，详见报告。", rectification,
                reportedOn == null ? null : reportedOn.toString()), null);
    }

    /** The officer of the authority the filing is routed to, acting for the demo loader. */
    private Actor reviewerOf(NetworkUnit unit) {
        FilingAuthority authority = unit.authority();
        if (authority.isMinistry()) {
            return new Actor(0, "demo-data", find("ministry").id(), OrganisationType.MINISTRY_BUREAU, null,
                    Set.of(Role.MINISTRY_OFFICER));
        }
        Province province = authority.province();
        return new Actor(0, "demo-data", find("admin-" + province.code()).id(),
                OrganisationType.PROVINCIAL_ADMINISTRATION, province, Set.of(Role.PROVINCIAL_OFFICER));
    }

    private Organisation find(String key) {
        DemoOrganisation o = DemoDirectory.organisations().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow();
        return organisations.findByCreditCodeUnscoped(o.creditCode()).orElseThrow();
    }

    private static String shortName(String name) {
        return name.length() <= 6 ? name : name.substring(0, 6);
    }

    private static AssetInput asset(String kind, String value, String ports) {
        return new AssetInput(kind, value, ports);
    }

    private static UnitInput unit(String name, String category, String level, LocalDate reviewedOn,
            List<AssetInput> assets) {
        return new UnitInput(name, category, name + "，面向公众提供服务，" + "由本单位运维中心负责日常运行。",
                "北京市海淀区数据中心 A 栋；上海市浦东新区灾备中心", "网络安全部 刘洋", "010-5555-0100", level,
                "依据 YD/T 定级指南，从国家安全、经济运行、社会秩序和公共利益四方面评估：遭到破坏后对社会秩序和公共利益造成"
                        + ("1".equals(level) ? "轻微损害" : "2".equals(level) ? "一般损害" : "严重损害") + "。",
                reviewedOn.toString(), "x86 服务器 24 台、核心交换机 2 台", "下一代防火墙、WAF、入侵检测、日志审计",
                "麒麟操作系统 V10、MySQL 8.0", "Nginx、Spring Boot 业务系统", "HTTPS/443, SSH/22 (仅内网)", "FORMAL_OPERATION",
                new ArrayList<>(assets));
    }
}
