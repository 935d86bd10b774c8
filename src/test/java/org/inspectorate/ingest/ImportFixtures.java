package org.inspectorate.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Small, exact scanner reports for import tests, in this module and others (an audit or report test that needs
 * an import): a Nessus report of the given items, and the multipart body that uploads it.
 */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    /** One Nessus report item: {@code severity} as Nessus rates it, 0 (informational) to 4 (critical). */
    public record Item(String host, int port, int pluginId, String name, int severity) {
    }

    public static Item item(String host, int port, int pluginId, String name) {
        return new Item(host, port, pluginId, name, 3);
    }

    public static byte[] nessus(List<Item> items) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Report name=\"t\">\n");
        items.stream().map(Item::host).distinct().forEach(host -> {
            out.append("<ReportHost name=\"").append(host).append("\"><HostProperties>")
                    .append("<tag name=\"host-ip\">").append(host).append("</tag></HostProperties>\n");
            items.stream().filter(i -> i.host().equals(host)).forEach(i -> out.append(reportItem(i)));
            out.append("</ReportHost>\n");
        });
        return out.append("</Report>\n</NessusClientData_v2>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String reportItem(Item i) {
        return "<ReportItem port=\"" + i.port() + "\" svc_name=\"www\" protocol=\"tcp\" severity=\"" + i.severity()
                + "\" pluginID=\"" + i.pluginId() + "\" pluginName=\"" + i.name() + "\" pluginFamily=\"General\">\n"
                + "<description>" + i.name() + " allows remote attackers to do harm.</description>\n"
                + "<risk_factor>High</risk_factor>\n<solution>Upgrade.</solution>\n"
                + "<synopsis>" + i.name() + ".</synopsis>\n"
                + "<cvss3_vector>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</cvss3_vector>\n"
                + "<cve>CVE-2021-44228</cve>\n</ReportItem>\n";
    }

    /** An import as the pages and the API show it, in {@code state}, with progress and (once failed) why. */
    public static ImportJob job(ImportState state, long bytesTotal, long bytesRead, long parsed, String errorKey,
            String errorDetail) {
        Instant at = Instant.parse("2026-12-07T08:00:00Z");
        return new ImportJob(1, 2, List.of(), ReportFormat.CSV, "scan.csv", state, "operator", at, at, at,
                bytesTotal, bytesRead, parsed, null, null, null, null, null, null, null, errorKey, errorDetail);
    }

    /** A multipart body with the given report as {@code file} and extra form fields. */
    public static byte[] multipart(String boundary, String fileName, byte[] report, String... fields) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + report.length + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(report, 0, body, h.length, report.length);
        System.arraycopy(t, 0, body, h.length + report.length, t.length);
        return body;
    }
}
