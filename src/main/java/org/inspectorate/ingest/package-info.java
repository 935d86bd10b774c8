/**
 * Scanner and tool report import (扫描报告导入): streaming, constant-memory readers for Tenable Nessus,
 * OpenVAS / Greenbone GVM, Nmap, SARIF 2.1.0 and the documented CSV template, turning each report
 * item into a {@link org.inspectorate.ingest.ScannedFinding} and classifying default or weak
 * credentials with the {@link org.inspectorate.ingest.WeakCredentialPolicy}. Untrusted files are
 * read with DTDs and external entities disabled. Depends only on {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest", allowedDependencies = "system")
package org.inspectorate.ingest;
