package org.inspectorate.bench;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * What generated findings say: scanner plugins with their titles, CVEs and CVSS, and the texts of manual, spot-check
 * and self-inspection findings, by category. English and Chinese titles mixed, as imported reports are.
 */
final class FindingTexts {

    /** A scanner rule: plugin id, title, references, CVSS 3.1 vector and score, category. */
    record Plugin(String id, String title, String refs, String vector, BigDecimal score, String category) {
    }

    static final Plugin[] PLUGINS = {
            new Plugin("97833", "Apache Struts 2 remote code execution (S2-045)", "CVE-2017-5638",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", new BigDecimal("9.8"), "VULNERABILITY"),
            new Plugin("156032", "Apache Log4j remote code execution (Log4Shell)", "CVE-2021-44228",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", new BigDecimal("10.0"), "VULNERABILITY"),
            new Plugin("187201", "OpenSSH regreSSHion remote unauthenticated code execution", "CVE-2024-6387",
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", new BigDecimal("8.1"), "VULNERABILITY"),
            new Plugin("104743", "TLS Version 1.0 Protocol Detection", null, null, new BigDecimal("6.5"),
                    "MISCONFIGURATION"),
            new Plugin("57582", "SSL Self-Signed Certificate", null,
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N", new BigDecimal("5.4"), "MISCONFIGURATION"),
            new Plugin("10114", "ICMP Timestamp Request Remote Date Disclosure", "CVE-1999-0524", null,
                    new BigDecimal("2.1"), "MISCONFIGURATION"),
            new Plugin("42873", "SSL Medium Strength Cipher Suites Supported (SWEET32)", "CVE-2016-2183",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", new BigDecimal("7.5"), "VULNERABILITY"),
            new Plugin("10882", "SSH Protocol Version 1 Session Key Retrieval", "CVE-2001-0361", null,
                    new BigDecimal("5.9"), "VULNERABILITY"),
            new Plugin("11219", "Nessus SYN scanner: remote service exposed", null, null, new BigDecimal("4.3"),
                    "MISCONFIGURATION"),
            new Plugin("34460", "Unsupported Web Server Detection", null, null, new BigDecimal("10.0"), "VULNERABILITY"),
            new Plugin("10203", "rexecd Service Detection", "CVE-1999-0618", null, new BigDecimal("7.5"),
                    "MISCONFIGURATION"),
            new Plugin("100464", "Microsoft SMBv1 remote code execution (EternalBlue)", "CVE-2017-0144",
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", new BigDecimal("8.1"), "VULNERABILITY"),
            new Plugin("10862", "Microsoft SQL Server weak password for sa account", null, null,
                    new BigDecimal("9.8"), "WEAK_PASSWORD"),
            new Plugin("10330", "SSH default credentials (弱口令)", null, null, new BigDecimal("9.8"), "WEAK_PASSWORD"),
            new Plugin("73756", "Redis server unprotected by password authentication", null, null,
                    new BigDecimal("7.5"), "WEAK_PASSWORD"),
            new Plugin("90317", "SSH weak algorithms supported", null, null, new BigDecimal("4.3"), "MISCONFIGURATION"),
            new Plugin("152782", "Nginx resolver remote off-by-one heap write", "CVE-2021-23017",
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", new BigDecimal("8.1"), "VULNERABILITY"),
            new Plugin("160477", "Spring Framework remote code execution (Spring4Shell)", "CVE-2022-22965",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", new BigDecimal("9.8"), "VULNERABILITY"),
            new Plugin("15901", "SSL Certificate Expiry", null, null, new BigDecimal("5.3"), "MISCONFIGURATION"),
            new Plugin("20007", "SSL Version 2 and 3 Protocol Detection", "CVE-2014-3566",
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N", new BigDecimal("6.8"), "VULNERABILITY")};

    private static final String[][] MANUAL = {
            {"WEAK_PASSWORD", "运维管理后台存在弱口令"}, {"WEAK_PASSWORD", "数据库管理账号使用默认口令"},
            {"VULNERABILITY", "门户网站存在 SQL 注入漏洞"}, {"VULNERABILITY", "中间件版本过低存在远程代码执行风险"},
            {"MISCONFIGURATION", "管理端口对互联网开放"}, {"MISCONFIGURATION", "日志留存不足六个月"},
            {"MANAGEMENT_GAP", "未明确网络安全负责人"}, {"MANAGEMENT_GAP", "应急预案未按年度演练"},
            {"MANAGEMENT_GAP", "未按期开展符合性评测"}, {"PERSONAL_INFORMATION", "用户个人信息明文存储"},
            {"PERSONAL_INFORMATION", "收集用户信息未明示用途"}, {"PERSONAL_INFORMATION", "个人信息访问未留存审计记录"}};

    private FindingTexts() {
    }

    static Plugin plugin(int index) {
        return PLUGINS[index % PLUGINS.length];
    }

    static String[] manual(SplittableRandom random) {
        return MANUAL[random.nextInt(MANUAL.length)];
    }

    /** The category of a checklist item's finding: passwords, vulnerabilities, personal information, the rest. */
    static String categoryOfItem(String item) {
        return item.startsWith("PWD") ? "WEAK_PASSWORD" : item.startsWith("VUL") ? "VULNERABILITY"
                : item.startsWith("D24") ? "PERSONAL_INFORMATION" : "MANAGEMENT_GAP";
    }

    static String severityOfScore(BigDecimal score) {
        double s = score.doubleValue();
        return s >= 7.0 ? "HIGH" : s >= 4.0 ? "MEDIUM" : "LOW";
    }
}
