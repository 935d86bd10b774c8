package org.inspectorate.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.exposure.ServiceObservation;
import org.inspectorate.finding.ScanImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the import path up once at start-up (导入预热): a small synthetic Nessus report, built in memory, is read by
 * the same parser, mapped and prepared as an import prepares its items (texts cut, vectors scored, hashed, written
 * as COPY lines to nowhere) — a few times, so that the JIT has compiled that code before the first real report
 * arrives. It reads no file, opens no transaction and stores nothing: the first import still does all of its own
 * work; it only no longer pays for loading and compiling the parser, which cost it about as much as the parse
 * itself. {@code inspectorate.import.warm-up=false} turns it off (the tests do: their contexts start often).
 */
@Component
class ImportWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ImportWarmUp.class);

    /** Items of the synthetic report and how often it is read: about 20,000 items, half a second of one core. */
    static final int ITEMS = 2_000;
    static final int ROUNDS = 10;

    private final ImportRunner runner;
    private final boolean enabled;

    ImportWarmUp(ImportRunner runner, @Value("${inspectorate.import.warm-up:true}") boolean enabled) {
        this.runner = runner;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        byte[] report = report(ITEMS);
        int prepared = 0;
        for (int round = 0; round < ROUNDS; round++) {
            prepared += rehearse(report);
        }
        LOG.info("import path warmed up: {} synthetic items read and prepared in {} ms, nothing stored", prepared,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Reads the report as {@link ImportRun} does, observed services and findings apart; items prepared. */
    private int rehearse(byte[] report) {
        List<ScanImports.Item> items = new ArrayList<>();
        int[] observed = {0};
        runner.parsers().parse(ReportFormat.NESSUS, new ByteArrayInputStream(report), new ReportSink() {
            @Override
            public void accept(ScannedFinding finding) {
                if (finding.informational()) {
                    ScannedFinding.ObservedService s = finding.service();
                    if (finding.port() != null && finding.port() != 0) {
                        new ServiceObservation(1L, finding.host(), finding.port(), finding.protocol(),
                                s == null ? null : s.name(), s == null ? null : s.product(),
                                s == null ? null : s.version());
                        observed[0]++;
                    }
                } else {
                    items.add(ScanMapping.item(1L, finding));
                }
            }

            @Override
            public void hostScanned(String host) {
                Hosts.lenient(host);
            }
        });
        return runner.scans().rehearse(items) + observed[0];
    }

    private static final String[] WORDS = {"remote", "server", "version", "allows", "attacker", "crafted", "request",
        "denial", "service", "arbitrary", "code", "execution", "vulnerable", "affected", "update", "configuration"};

    /** A Nessus v2 report of {@code items} items on 50 hosts: informational and rated, CVSS 3.0, 3.1 and 2. */
    static byte[] report(int items) {
        StringBuilder x = new StringBuilder(items * 1_400);
        x.append("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"warm-up\">\n");
        String[] metric = {"N", "L", "H"};
        for (int i = 0; i < items; i++) {
            if (i % (items / 50) == 0) {
                x.append(i == 0 ? "" : "</ReportHost>\n").append("<ReportHost name=\"192.0.2.").append(1 + i * 50 / items)
                        .append("\"><HostProperties><tag name=\"host-ip\">192.0.2.").append(1 + i * 50 / items)
                        .append("</tag></HostProperties>\n");
            }
            int severity = i % 5 < 3 ? 0 : 1 + i % 4;
            x.append("<ReportItem port=\"").append(1_000 + i % 500).append("\" svc_name=\"www\" protocol=\"tcp\" ")
                    .append("severity=\"").append(severity).append("\" pluginID=\"").append(10_000 + i)
                    .append("\" pluginName=\"Warm-up item ").append(i).append("\" pluginFamily=\"General\">\n");
            x.append("<description>");
            for (int w = 0; w < 80; w++) {
                x.append(WORDS[(i + w * 7) % WORDS.length]).append(w % 12 == 11 ? ".\n" : " ");
            }
            x.append("</description>\n<solution>Upgrade to version ").append(i % 9).append(".").append(i % 7)
                    .append(" or later.</solution>\n<synopsis>The remote service is affected.</synopsis>\n")
                    .append("<plugin_output>Installed version : 1.").append(i).append("\nFixed version : 2.0\n")
                    .append("</plugin_output>\n");
            if (severity > 0) {
                x.append("<risk_factor>High</risk_factor>\n<cve>CVE-2024-").append(10_000 + i).append("</cve>\n")
                        .append("<cve>CVE-2023-").append(20_000 + i % 300).append("</cve>\n<xref>CWE:")
                        .append(20 + i % 60).append("</xref>\n<xref>IAVA:2024-A-").append(i).append("</xref>\n")
                        .append("<cvss_vector>CVSS2#AV:N/AC:").append(i % 2 == 0 ? "L" : "M").append("/Au:N/C:P/I:")
                        .append(i % 3 == 0 ? "P" : "N").append("/A:N</cvss_vector>\n<cvss_base_score>5.0")
                        .append("</cvss_base_score>\n");
                if (i % 10 != 9) {
                    x.append("<cvss3_vector>CVSS:").append(i % 7 == 0 ? "3.1" : "3.0").append("/AV:N/AC:")
                            .append(i % 2 == 0 ? "L" : "H").append("/PR:").append(metric[i % 3]).append("/UI:N/S:")
                            .append(i % 4 == 0 ? "C" : "U").append("/C:").append(metric[(i / 3) % 3]).append("/I:")
                            .append(metric[(i / 9) % 3]).append("/A:").append(metric[(i / 27) % 3])
                            .append("</cvss3_vector>\n<cvss3_base_score>7.5</cvss3_base_score>\n");
                }
            }
            x.append("</ReportItem>\n");
        }
        x.append("</ReportHost>\n</Report>\n</NessusClientData_v2>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
