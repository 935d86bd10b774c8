package org.inspectorate.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.InspectorateApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13's page benchmark on a generated dataset: signs in as the generated accounts (form sign-in with CSRF,
 * TOTP for regulators), requests every page and API of the "Speed" list {@code --reps} times after one
 * warm-up, and prints p50, p95 and max per request and role as a Markdown table. Not a test; run by hand as
 * docs/BENCHMARKS.md records:
 *
 * <pre>
 * java -cp "$CP" org.inspectorate.bench.PageBenchmark --url http://127.0.0.1:8080 [--reps 7] [--prefix n-]
 * java -Xmx512m -cp "$CP" org.inspectorate.bench.PageBenchmark --start postgres [--port 18080] …   # starts the app
 * </pre>
 *
 * {@code --start postgres|mariadb} starts the application in this JVM on {@code INSPECTORATE_DB_URL} with the
 * generator's MFA seal key; the provincial officer is Guangdong's ({@code --province 440000}), where the operator
 * with a million findings ({@code n-op-big}) is registered.
 */
public final class PageBenchmark {

    /** One request of the list: what the table calls it, its path, whether it is {@code /api/v1} (a bearer token). */
    record Request(String label, String path, boolean api) {
    }

    private static final List<Request> FINDINGS = List.of(
            new Request("GET /api/v1/findings first page", "/api/v1/findings", true),
            new Request("… ?severity=HIGH", "/api/v1/findings?severity=HIGH", true),
            new Request("… ?q=remote", "/api/v1/findings?q=remote", true),
            new Request("… ?sort=severity", "/api/v1/findings?sort=severity", true),
            new Request("… ?page=2000", "/api/v1/findings?page=2000", true),
            new Request("home page /", "/", false),
            new Request("/findings page", "/findings", false));
    private static final List<Request> REGULATOR = List.of(
            new Request("/findings/summary", "/findings/summary", false),
            new Request("/findings/summary.xlsx", "/findings/summary.xlsx", false),
            new Request("/findings/overdue", "/findings/overdue", false),
            new Request("/organisations (directory)", "/organisations", false),
            new Request("/imports/operators?q= (operator picker)", "/imports/operators?q=%E7%A7%91%E6%8A%80", false),
            new Request("/draws/new (draw form, pools)", "/draws/new", false),
            new Request("/filings/coverage", "/filings/coverage", false),
            new Request("/filings/review-queue", "/filings/review-queue", false),
            new Request("/self-inspections/status", "/self-inspections/status?campaign=NSC-2018", false));
    private static final List<Request> AUDITOR = List.of(
            new Request("/audit first page", "/audit", false),
            new Request("/audit?actor=n-ministry (filtered)", "/audit?actor=%sministry", false),
            new Request("/audit?action=filing. (filtered)", "/audit?action=filing.", false));

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = NationalDataset.options(args);
        int reps = Integer.parseInt(a.getOrDefault("reps", "7"));
        String prefix = a.getOrDefault("prefix", "n-");
        String province = a.getOrDefault("province", "440000");
        ConfigurableApplicationContext app = null;
        String url = a.get("url");
        if (a.containsKey("start")) {
            String port = a.getOrDefault("port", "18080");
            // command-line arguments: they win over application.properties
            app = new SpringApplicationBuilder(InspectorateApplication.class).profiles(a.get("start"))
                    .run("--server.port=" + port,
                            "--inspectorate.security.mfa-seal-key=" + NationalDataset.defaultSealKey(),
                            "--inspectorate.draw.seal-key=" + a.getOrDefault("draw-seal-key",
                                    "ZGVtby1vbmx5LWRyYXctc2VhbC1rZXktMzItYnl0ZXM="));
            url = "http://127.0.0.1:" + port;
        }
        try {
            Map<String, List<Request>> roles = new LinkedHashMap<>();
            roles.put(prefix + "op-big (operator, 1,000,000 findings)", FINDINGS);
            roles.put(prefix + "ministry (Ministry officer)", concat(FINDINGS, REGULATOR));
            roles.put(prefix + "prov-" + province + " (provincial officer)", concat(FINDINGS, REGULATOR));
            roles.put(prefix + "auditor (audit administrator)", AUDITOR);
            System.out.println("| request | role | status | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (Map.Entry<String, List<Request>> role : roles.entrySet()) {
                String username = role.getKey().substring(0, role.getKey().indexOf(' '));
                BenchClient client = new BenchClient(url, username).signIn(DatasetDirectory.PASSWORD,
                        DatasetDirectory.TOTP_SECRET);
                for (Request r : role.getValue()) {
                    measure(client, r, reps, prefix, role.getKey());
                }
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    private static void measure(BenchClient client, Request r, int reps, String prefix, String role) {
        String path = r.path().contains("%s") ? String.format(r.path(), prefix) : r.path();
        double[] ms = new double[reps];
        String status;
        try {
            int code = client.fetch(path, r.api()); // warm-up
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                code = client.fetch(path, r.api());
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            status = Integer.toString(code);
        } catch (IOException | InterruptedException e) {
            // a page that fails mid-response (a 500 after the body began) is a result too
            System.out.printf("| %s | %s | failed: %s | | | |%n", r.label(), role, e.getMessage());
            return;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %s | %s | %,.0f | %,.0f | %,.0f |%n", r.label(), role, status, percentile(ms, 50),
                percentile(ms, 95), ms[ms.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static List<Request> concat(List<Request> a, List<Request> b) {
        List<Request> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
