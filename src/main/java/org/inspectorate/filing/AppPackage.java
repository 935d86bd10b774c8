package org.inspectorate.filing;

import java.util.regex.Pattern;

/**
 * A mobile app's package name or bundle identifier (应用包名), Java style: at least two dot-separated
 * segments, each starting with a letter and then letters, digits or underscores, e.g.
 * {@code com.example.mobile}; 255 characters at most.
 */
record AppPackage(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");

    public AppPackage {
        String s = value == null ? "" : value.strip();
        if (s.length() > 255 || !FORMAT.matcher(s).matches()) {
            throw new InvalidValueException("filing.asset.package.invalid", value);
        }
        value = s;
    }

    public static AppPackage parse(String input) {
        return new AppPackage(input);
    }

    @Override
    public String toString() {
        return value;
    }
}
