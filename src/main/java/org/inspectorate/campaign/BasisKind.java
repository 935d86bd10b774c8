package org.inspectorate.campaign;

/**
 * What a checklist item rests on (检查依据): a law, a decree, the YD/T protection standards, or one of
 * the risk classes the 2018 notice names (weak passwords, medium and high risk vulnerabilities,
 * other risks).
 */
public enum BasisKind {
    /** 中华人民共和国网络安全法 */
    CYBERSECURITY_LAW,
    /** 通信网络安全防护管理办法（工业和信息化部令第11号） */
    DECREE_11,
    /** 电信和互联网用户个人信息保护规定（工业和信息化部令第24号） */
    DECREE_24,
    /** 电信网和互联网安全防护系列标准（YD/T） */
    YDT_STANDARD,
    /** 弱口令 */
    WEAK_PASSWORD,
    /** 中高危漏洞 */
    VULNERABILITY,
    /** 其他网络安全风险隐患 */
    OTHER_RISK;

    public String messageKey() {
        return "campaign.basisKind." + name();
    }
}
