package org.inspectorate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * One signed-in browser of the benchmark: its own cookies, the form sign-in with the page's CSRF token, the second
 * factor from the generated accounts' fixed TOTP secret where the role needs one, and a personal API token (made on
 * the account page) for {@code /api/v1}.
 */
final class BenchClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("id=\"token-value\"[^>]*>([^<]+)<");

    final String username;
    private final String base;
    private final HttpClient http;
    private String apiToken;

    BenchClient(String base, String username) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.username = username;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in; a regulator answers the second factor. Fails with what the server answered. */
    BenchClient signIn(String password, String totpSecret) throws IOException, InterruptedException {
        HttpResponse<String> login = get("/login");
        HttpResponse<String> after = post("/login", Map.of("username", username, "password", password,
                "_csrf", csrf(login.body())));
        if (after.uri().getPath().startsWith("/mfa")) {
            after = post("/mfa", Map.of("code", code(totpSecret), "_csrf", csrf(after.body())));
        }
        String path = after.uri().getPath();
        if (after.statusCode() != 200 || path.startsWith("/login") || path.startsWith("/mfa")
                || path.startsWith("/account/password")) {
            throw new IllegalStateException(username + " did not sign in: " + after.statusCode() + " at " + path);
        }
        return this;
    }

    /** A personal API token for {@code /api/v1}, made once on the account page. */
    String apiToken() throws IOException, InterruptedException {
        if (apiToken == null) {
            HttpResponse<String> account = get("/account");
            HttpResponse<String> made = post("/account/tokens", Map.of("name", "page-benchmark", "validityDays", "30",
                    "_csrf", csrf(account.body())));
            Matcher m = TOKEN.matcher(made.body());
            if (!m.find()) {
                throw new IllegalStateException(username + ": no API token shown (" + made.statusCode() + ")");
            }
            apiToken = m.group(1).strip();
        }
        return apiToken;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A timed request: the status, the body read to its end and discarded (an export is streamed whole). */
    int fetch(String path, boolean api) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).GET();
        if (api) {
            b.header("Authorization", "Bearer " + apiToken()).header("Accept", "application/json");
        }
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return r.statusCode();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** The current TOTP code (RFC 6238, SHA-1, 6 digits, 30 s), as the account's authenticator shows it. */
    static String code(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
                    Math.floorDiv(System.currentTimeMillis() / 1000, 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
