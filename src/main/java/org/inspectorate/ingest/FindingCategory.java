package org.inspectorate.ingest;

/** What kind of problem a scanned finding is (问题类别). */
public enum FindingCategory {
    /** Default, empty or guessable credentials (弱口令), singled out by the inspection notice. */
    WEAK_PASSWORD,
    /** A known vulnerability (安全漏洞), typically with CVE / CNVD references. */
    VULNERABILITY,
    /** An insecure setting or a failed compliance check (配置不当). */
    MISCONFIGURATION,
    /** Information without risk by itself: open ports, services, scan settings (信息). */
    INFORMATIONAL,
    /** A defect found by code testing, e.g. from a SARIF report (代码缺陷). */
    CODE_DEFECT
}
