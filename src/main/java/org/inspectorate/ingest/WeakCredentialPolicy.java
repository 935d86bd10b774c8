package org.inspectorate.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a scanner's result shows default, empty or guessable credentials (弱口令), which the
 * inspection notice singles out. Plain rules on what scanners publish about a result: its rule id,
 * name, family and output; no Spring, no state.
 *
 * <ul>
 * <li><b>Nessus</b>: plugin families for default accounts ({@code Default Unix Accounts}), or plugin names
 * speaking of default / blank / weak passwords or credentials, default community names, unpassworded
 * accounts, anonymous FTP, or a successful brute-force.</li>
 * <li><b>OpenVAS / GVM</b>: NVT families {@code Default Accounts} and {@code Brute force attacks} (whose
 * NVTs report only successful logins), or NVT names as for Nessus ("Default credentials", "weak
 * password"…).</li>
 * <li><b>Nmap</b>: NSE scripts {@code *-brute} whose output lists valid credentials, {@code *-default-accounts}
 * with a found account, {@code ftp-anon} allowing anonymous login, {@code *-empty-password} finding an
 * account without password.</li>
 * <li><b>SARIF and CSV</b>: rule ids or titles as for Nessus (code findings are hard-coded secrets far more
 * often than weak passwords, so only explicit wording counts).</li>
 * </ul>
 */
public final class WeakCredentialPolicy {

    private static final Set<String> WEAK_FAMILIES = Set.of("default unix accounts", "default accounts",
            "brute force attacks");

    /** Wording in rule names (lower case) that means the scanner got in with weak or default credentials. */
    private static final List<String> WEAK_WORDING = List.of("default password", "default credential",
            "default account", "default login", "default admin", "default community", "default snmp community",
            "blank password", "empty password", "null password", "no password", "without password",
            "unpassworded", "weak password", "weak credential", "guessable password", "guessable credential",
            "easily guessable", "anonymous ftp", "anonymous login", "brute force login", "brute force success",
            "bruteforce login", "brute-force login", "弱口令", "默认口令", "默认密码", "空口令", "弱密码");

    private static final List<String> NMAP_SUCCESS = List.of("valid credentials", "login allowed",
            "anonymous ftp login allowed", "has empty password", "account has empty password", "credentials found",
            "valid accounts", "[valid credentials]");

    private static final List<String> NMAP_FAILURE = List.of("no valid accounts found", "no accounts found",
            "0 valid accounts", "no valid credentials");

    public WeakCredentialPolicy() {
    }

    /**
     * @param format the scanner
     * @param ruleId plugin id, NVT OID, script id, SARIF rule id
     * @param name   plugin / NVT / rule name or title
     * @param family plugin or NVT family, if the scanner has one
     * @param output the result's output (plugin output, script output), if any
     */
    public boolean showsWeakCredentials(ReportFormat format, String ruleId, String name, String family,
            String output) {
        if (format == ReportFormat.NMAP) {
            return nmapScript(lower(ruleId), lower(output));
        }
        if (format == ReportFormat.OPENVAS && WEAK_FAMILIES.contains(lower(family).strip())) {
            return true;
        }
        if (format == ReportFormat.NESSUS && lower(family).strip().equals("default unix accounts")) {
            return true;
        }
        return hasWeakWording(lower(name)) || (format != ReportFormat.SARIF && hasWeakWording(lower(ruleId)));
    }

    private static boolean nmapScript(String script, String output) {
        if (output.isBlank() || NMAP_FAILURE.stream().anyMatch(output::contains)) {
            return false;
        }
        if (script.endsWith("-brute")) {
            return output.contains("valid credentials") || output.contains("credentials found")
                    || output.contains("valid accounts");
        }
        if (script.endsWith("-default-accounts")) {
            return output.contains("credentials") || output.contains("login") || output.contains(":");
        }
        if (script.equals("ftp-anon")) {
            return output.contains("anonymous ftp login allowed");
        }
        if (script.endsWith("-empty-password")) {
            return output.contains("empty password");
        }
        return NMAP_SUCCESS.stream().anyMatch(output::contains) && hasWeakWording(script);
    }

    private static boolean hasWeakWording(String text) {
        String normalised = text.replace('_', ' ');
        return WEAK_WORDING.stream().anyMatch(normalised::contains);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
