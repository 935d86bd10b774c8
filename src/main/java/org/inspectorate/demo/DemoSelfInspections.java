package org.inspectorate.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.filing.NetworkUnitSummary;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.filing.UnitQuery;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.selfinspection.AnswerInput;
import org.inspectorate.selfinspection.SelfInspection;
import org.inspectorate.selfinspection.SelfInspections;
import org.inspectorate.system.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-inspections of the demo's current-year campaign ({@link DemoCampaigns}), through {@link SelfInspections}
 * acting as the operator:
 * 中国电信北京分公司 ({@code operator}) halfway through, with two findings recorded; 北京华信增值电信
 * ({@code 京B2-20180001}) finished and submitted to the Beijing administration ({@code beijing}), awaiting
 * its decision (on time: the current campaign's deadlines are after the day the demo loads). Idempotent: a started
 * self-inspection is left alone.
 */
class DemoSelfInspections {

    static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private final Organisations organisations;
    private final NetworkUnits units;
    private final SelfInspections selfInspections;
    private final Findings findings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The demo's current-year campaign ({@link DemoCampaigns}), installed before this runs. */
    private final String campaign;

    DemoSelfInspections(Organisations organisations, NetworkUnits units, SelfInspections selfInspections,
            Findings findings, TransactionTemplate transaction, Clock clock) {
        this.organisations = organisations;
        this.units = units;
        this.selfInspections = selfInspections;
        this.findings = findings;
        this.transaction = transaction;
        this.clock = clock;
        this.campaign = DemoCampaigns.current(clock);
    }

    /** How many self-inspections one run started. */
    int load() {
        Integer started = transaction.execute(status -> {
            int n = 0;
            Actor telecom = operator("telecom-bj");
            if (!started(telecom)) {
                inProgress(telecom);
                n++;
            }
            Actor vas = operator("vas-bj");
            if (!started(vas)) {
                submitted(vas);
                n++;
            }
            return n;
        });
        return started == null ? 0 : started;
    }

    private void inProgress(Actor operator) {
        long unit = firstUnit(operator);
        for (String item : List.of("CSL-01", "CSL-02", "CSL-03", "CSL-05", "D11-01", "D11-02")) {
            selfInspections.answer(operator, campaign, item, AnswerInput.of("COMPLIANT", "已核查制度文件和运行记录。"));
        }
        selfInspections.answer(operator, campaign, "CSL-06", AnswerInput.of("NOT_APPLICABLE", "本系统不直接面向用户办理入网。"));
        selfInspections.answer(operator, campaign, "PWD-01", new AnswerInput("NOT_COMPLIANT",
                "两台汇聚交换机仍使用出厂默认口令。", "汇聚交换机使用默认口令", "MEDIUM", "WEAK_PASSWORD", unit, null,
                "赵强", null, null));
        selfInspections.answer(operator, campaign, "VUL-01", new AnswerInput("NOT_COMPLIANT",
                "门户网站中间件存在 Log4j 远程代码执行漏洞（CVE-2021-44228）。", "门户网站 Log4j 远程代码执行漏洞", "HIGH",
                "VULNERABILITY", unit, null, "赵强", "CVE-2021-44228", CRITICAL));
        selfInspections.saveReport(operator, campaign,
                "按照部通知要求，本公司成立自查工作组，对在网运行的网络单元逐项开展自查（草稿）。", null);
    }

    private void submitted(Actor operator) {
        long unit = firstUnit(operator);
        SelfInspection s = selfInspections.mine(operator).stream().filter(x -> x.campaign().code().equals(campaign))
                .findFirst().orElseThrow();
        Finding vulnerable = null;
        for (var entry : s.entries()) {
            String id = entry.item().id();
            if (id.equals("VUL-02")) {
                SelfInspection after = selfInspections.answer(operator, campaign, id, new AnswerInput("NOT_COMPLIANT",
                        "对外开放的管理端口未收敛。", "管理端口暴露在互联网", "MEDIUM", "MISCONFIGURATION", unit, null,
                        "吴敏", null, null));
                vulnerable = after.entries().stream().filter(e -> e.item().id().equals(id)).findFirst().orElseThrow()
                        .finding();
            } else if (id.equals("RISK-02")) {
                selfInspections.answer(operator, campaign, id, AnswerInput.of("NOT_APPLICABLE", "本单位不运营物联网平台。"));
            } else {
                selfInspections.answer(operator, campaign, id, AnswerInput.of("COMPLIANT", null));
            }
        }
        if (vulnerable != null) {
            findings.mitigate(operator, vulnerable.id(), vulnerable.version(), "已通过访问控制列表限制来源地址。",
                    "迁移管理端口至运维专网并关闭公网映射。", "吴敏", LocalDate.now(clock).plusDays(20).toString());
        }
        selfInspections.saveReport(operator, campaign,
                "本公司按照通知要求完成了全部检查项的自查，发现问题一个，已采取防范措施并制定整改计划。",
                "按计划完成管理端口迁移，并每季度开展一次端口梳理。");
        selfInspections.submit(operator, campaign);
    }

    private boolean started(Actor operator) {
        return selfInspections.mine(operator).stream()
                .anyMatch(s -> s.campaign().code().equals(campaign) && s.started());
    }

    private long firstUnit(Actor operator) {
        List<NetworkUnitSummary> list = units.list(operator, UnitQuery.all(), new PageRequest(0, 1, "name", true))
                .items();
        return list.get(0).id();
    }

    private Actor operator(String key) {
        DemoOrganisation o = DemoDirectory.organisations().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow();
        Organisation org = organisations.findByCreditCodeUnscoped(o.creditCode()).orElseThrow();
        return new Actor(0, "demo-data", org.id(), org.type(), org.province(), Set.of(Role.OPERATOR_ADMIN));
    }
}
