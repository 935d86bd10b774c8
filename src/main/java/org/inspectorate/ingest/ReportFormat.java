package org.inspectorate.ingest;

/** The report formats Inspectorate reads (报告格式). */
public enum ReportFormat {
    /** Tenable Nessus v2 ({@code .nessus}, root element {@code NessusClientData_v2}). */
    NESSUS,
    /** OpenVAS / Greenbone GVM XML report (root element {@code report}). */
    OPENVAS,
    /** Nmap XML output (root element {@code nmaprun}). */
    NMAP,
    /** SARIF 2.1.0 JSON from code-testing tools. */
    SARIF,
    /** Inspectorate's CSV template, documented in {@code docs/import-csv.md}. */
    CSV
}
