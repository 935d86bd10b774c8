package org.inspectorate.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a parser handed to its sink for a report written in a test: the items and the hosts it scanned. */
record Recorded(List<ScannedFinding> findings, Set<String> hosts) {

    static Recorded parse(ReportFormat format, String report) {
        List<ScannedFinding> findings = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        new ReportParsers().parse(format, new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
                new ReportSink() {
                    @Override
                    public void accept(ScannedFinding finding) {
                        findings.add(finding);
                    }

                    @Override
                    public void hostScanned(String host) {
                        hosts.add(host);
                    }
                });
        return new Recorded(findings, hosts);
    }

    ScannedFinding only() {
        if (findings.size() != 1) {
            throw new AssertionError("expected one item, got " + findings.size() + ": " + findings);
        }
        return findings.get(0);
    }

    ScannedFinding rule(String ruleId) {
        return findings.stream().filter(f -> ruleId.equals(f.ruleId())).findFirst()
                .orElseThrow(() -> new AssertionError("no item of rule " + ruleId + " in " + findings));
    }
}
