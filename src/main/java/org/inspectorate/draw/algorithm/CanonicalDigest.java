package org.inspectorate.draw.algorithm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes canonical JSON (exactly the bytes {@link CanonicalJson} produces) as UTF-8 straight into a SHA-256
 * digest through a small byte buffer: no intermediate maps, strings or byte arrays the size of the document.
 * Callers write structured values (objects with their members already in canonical order) with the
 * low-level methods; {@link #value(Object)} accepts the same generic values as {@link CanonicalJson#write}.
 */
final class CanonicalDigest {

    private final MessageDigest digest;
    private final OutputStream copy;
    private final byte[] buffer = new byte[16 * 1024];
    private int length;

    CanonicalDigest() {
        this(null);
    }

    /** A writer that also passes every byte it digests on to {@code copy} (when not {@code null}). */
    CanonicalDigest(OutputStream copy) {
        this.copy = copy;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Lower-case hexadecimal SHA-256 of everything written so far; the writer is then spent. */
    String hex() {
        flush();
        return CanonicalJson.hex(digest.digest());
    }

    CanonicalDigest raw(char ascii) {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = (byte) ascii;
        return this;
    }

    /** An object member's name and colon; the caller writes the members in {@link String#compareTo} order. */
    CanonicalDigest key(String name) {
        string(name);
        return raw(':');
    }

    CanonicalDigest number(long n) {
        if (Math.abs(n) > (1L << 53) - 1) {
            throw new IllegalArgumentException("integer outside the interoperable range: " + n);
        }
        if (n >= 0 && n < 10) {
            return raw((char) ('0' + n));
        }
        return ascii(Long.toString(n));
    }

    /** A date as its {@code "yyyy-MM-dd"} string ({@link LocalDate#toString()}), or {@code null}. */
    CanonicalDigest date(LocalDate d) {
        if (d == null) {
            return ascii("null");
        }
        int year = d.getYear();
        if (year < 1000 || year > 9999) {
            return string(d.toString());
        }
        raw('"');
        digits(year, 4);
        raw('-');
        digits(d.getMonthValue(), 2);
        raw('-');
        digits(d.getDayOfMonth(), 2);
        return raw('"');
    }

    private void digits(int n, int width) {
        int div = 1;
        for (int i = 1; i < width; i++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            raw((char) ('0' + (n / div) % 10));
        }
    }

    /** A JSON string (or {@code null}), escaped as {@link CanonicalJson} escapes it, encoded as UTF-8. */
    CanonicalDigest string(String s) {
        if (s == null) {
            return ascii("null");
        }
        raw('"');
        int n = s.length();
        byte[] b = buffer;
        int limit = b.length - 6; // room for the longest encoding of one char: an escape such as \u001f
        int p = length;
        for (int i = 0; i < n; i++) {
            if (p > limit) {
                length = p;
                flush();
                p = 0;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    length = p;
                    escape(c);
                    p = length;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                length = p;
                throw new IllegalArgumentException("string holds an unpaired surrogate at index " + i);
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = p;
        return raw('"');
    }

    /** Pre-encoded ASCII punctuation and member names, e.g. {@code ,"id":}, for {@link #token(byte[])}. */
    static byte[] token(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    CanonicalDigest token(byte[] ascii) {
        room(ascii.length);
        System.arraycopy(ascii, 0, buffer, length, ascii.length);
        length += ascii.length;
        return this;
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\b' -> ascii("\\b");
            case '\f' -> ascii("\\f");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> ascii(String.format("\\u%04x", (int) c));
        }
    }

    /** An array of strings, e.g. a sorted set of codes. */
    CanonicalDigest strings(Iterable<String> values) {
        raw('[');
        boolean first = true;
        for (String v : values) {
            if (!first) {
                raw(',');
            }
            first = false;
            string(v);
        }
        return raw(']');
    }

    /** Any value {@link CanonicalJson#write} accepts, written the same way. */
    CanonicalDigest value(Object value) {
        if (value == null) {
            ascii("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof LocalDate d) {
            date(d);
        } else if (value instanceof Integer || value instanceof Long) {
            number(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            raw('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    raw(',');
                }
                first = false;
                key(e.getKey());
                value(e.getValue());
            }
            raw('}');
        } else if (value instanceof List<?> list) {
            raw('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    raw(',');
                }
                value(list.get(i));
            }
            raw(']');
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getName());
        }
        return this;
    }

    private CanonicalDigest ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            raw(s.charAt(i));
        }
        return this;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, length);
        if (copy != null && length > 0) {
            try {
                copy.write(buffer, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        length = 0;
    }
}
