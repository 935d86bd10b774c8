/**
 * Scanner and tool report import (扫描报告导入): streaming, constant-memory readers for Tenable Nessus,
 * OpenVAS / Greenbone GVM, Nmap, SARIF 2.1.0 and the documented CSV template, turning each report
 * item into a {@link org.inspectorate.ingest.ScannedFinding} and classifying default or weak
 * credentials with the {@link org.inspectorate.ingest.WeakCredentialPolicy}. Untrusted files are
 * read with DTDs and external entities disabled. {@link org.inspectorate.ingest.ImportJobs} runs an import
 * as a background job in one transaction: hosts matched to network units ({@code filing}), findings merged
 * into the register ({@code finding}) by a stable key, within the actor's jurisdiction ({@code organisation}).
 */
@ApplicationModule(displayName = "Ingest", allowedDependencies = { "system", "finding",
        "filing", "organisation", "exposure" })
package org.inspectorate.ingest;

import org.springframework.modulith.ApplicationModule;
