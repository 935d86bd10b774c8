package org.inspectorate.filing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web address (URL) of a unit: {@code http} or {@code https} only, with a host that is a valid
 * domain name (IDN allowed, stored as punycode) or IP literal, an optional port 1–65535, and no user
 * name or password (a credential in a filed URL would leak to everyone who reads the filing).
 */
record WebUrl(String value) {

    private static final Pattern SHAPE = Pattern.compile("(?i)^(https?)://([^/?#]*)([/?#].*)?$");
    private static final Pattern PORT = Pattern.compile("^(.*):(\\d{1,5})$");

    public WebUrl {
        value = check(value);
    }

    public static WebUrl parse(String input) {
        return new WebUrl(input);
    }

    private static String check(String input) {
        String s = input == null ? "" : input.strip();
        if (s.length() > 2048) {
            throw new InvalidValueException("filing.asset.url.tooLong");
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            throw new InvalidValueException(s.matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? "filing.asset.url.scheme"
                    : "filing.asset.url.invalid", input);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String authority = m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3);
        if (authority.contains("@")) {
            throw new InvalidValueException("filing.asset.url.credentials", input);
        }
        if (authority.isEmpty()) {
            throw new InvalidValueException("filing.asset.url.host", input);
        }
        String host = authority;
        String port = "";
        Matcher pm = PORT.matcher(authority);
        if (pm.matches() && !(authority.startsWith("[") && !pm.group(1).endsWith("]"))) {
            host = pm.group(1);
            int p = Integer.parseInt(pm.group(2));
            if (p < 1 || p > 65535) {
                throw new InvalidValueException("filing.asset.url.port", input);
            }
            port = ":" + p;
        }
        String normalisedHost;
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                normalisedHost = "[" + IpAddress.parse(host.substring(1, host.length() - 1)) + "]";
            } else if (host.matches("[0-9.]+")) {
                normalisedHost = IpAddress.parse(host).toString();
            } else {
                normalisedHost = DomainName.parse(host).ascii();
                if (normalisedHost.startsWith("*")) {
                    throw new InvalidValueException("filing.asset.url.host", input);
                }
            }
        } catch (InvalidValueException e) {
            throw new InvalidValueException("filing.asset.url.host", input);
        }
        String url = scheme + "://" + normalisedHost + port + rest;
        try {
            new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("filing.asset.url.invalid", input);
        }
        return url;
    }

    @Override
    public String toString() {
        return value;
    }
}
