package org.inspectorate.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an import failed (导入失败原因), structured: the message key, where in the file (1-based line and column,
 * 0 when not known) and the values at fault, the first of which is the one the user must look for.
 *
 * <p>The job row keeps it in one column, {@code error_detail}: {@code line|column|arg|arg…}, a {@code |} or
 * {@code \} inside a value escaped with {@code \}. (Rows written before the escaping replaced a {@code |} in a
 * value with {@code /}; they read the same.) It is decoded here, once, into separate arguments: the page once
 * handed the whole argument array to the message as its single argument, which printed
 * {@code [Ljava.lang.String;@…} in place of the value.
 *
 * @param value the value at fault ({@code args[0]}), {@code null} when the message names none
 */
public record ImportError(String key, long line, long column, String value, List<String> args) {

    public ImportError {
        args = List.copyOf(args);
    }

    /** The stored detail of a problem: position and arguments, each argument as text. */
    static String encode(long line, long column, Object... args) {
        StringBuilder d = new StringBuilder().append(line).append('|').append(column);
        for (Object a : args == null ? new Object[0] : args) {
            d.append('|');
            String text = a instanceof ReportFormat f ? f.name() : String.valueOf(a);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '|' || c == '\\') {
                    d.append('\\');
                }
                d.append(c);
            }
        }
        return d.toString();
    }

    /** The error of a failed job's key and stored detail; {@code null} when there is no key. */
    static ImportError decode(String key, String detail) {
        if (key == null) {
            return null;
        }
        List<String> parts = split(detail);
        long line = parts.size() > 0 ? number(parts.get(0)) : 0;
        long column = parts.size() > 1 ? number(parts.get(1)) : 0;
        List<String> args = parts.size() > 2 ? parts.subList(2, parts.size()) : List.of();
        return new ImportError(key, line, column, args.isEmpty() ? null : args.get(0), args);
    }

    private static List<String> split(String detail) {
        List<String> parts = new ArrayList<>();
        if (detail == null || detail.isEmpty()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < detail.length(); i++) {
            char c = detail.charAt(i);
            if (c == '\\' && i + 1 < detail.length() && (detail.charAt(i + 1) == '|' || detail.charAt(i + 1) == '\\')) {
                part.append(detail.charAt(++i));
            } else if (c == '|') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
