package org.inspectorate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a text report from its first bytes, strictly: UTF-8 when they are valid UTF-8 (a byte
 * order mark or not), else GB18030 — a superset of GBK, what Excel's "CSV" export writes on a Chinese system
 * — when they are valid GB18030, else none. The rest of the file is then read strictly in that encoding, and a
 * byte sequence it does not allow further down is refused naming the encoding and the line, never replaced.
 */
final class TemplateText {

    static final Charset GB18030 = Charset.forName("GB18030");

    private TemplateText() {
    }

    /** The encoding of a report starting with {@code prefix}; refuses a start that is neither. */
    static Charset charset(byte[] prefix) {
        Charset charset = decodable(prefix);
        if (charset == null) {
            throw ReportParseException.of("ingest.parse.csv-encoding-unknown", firstBadLine(prefix), 0);
        }
        return charset;
    }

    /** UTF-8 or GB18030 if {@code prefix} is valid in it (a sequence cut by the prefix's end allowed). */
    static Charset decodable(byte[] prefix) {
        if (valid(prefix, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        return valid(prefix, GB18030) ? GB18030 : null;
    }

    /** The text of {@code prefix} in its encoding, for telling the format; {@code null} when neither fits. */
    static String text(byte[] prefix) {
        Charset charset = decodable(prefix);
        if (charset == null) {
            return null;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.IGNORE)
                .onUnmappableCharacter(CodingErrorAction.IGNORE);
        CharBuffer out = CharBuffer.allocate(prefix.length + 1);
        decoder.decode(ByteBuffer.wrap(prefix), out, false);
        return out.flip().toString();
    }

    /** A byte sequence the encoding does not allow, on this (1-based) line of the file. */
    static final class BadBytes extends IOException {
        final long line;

        BadBytes(long line) {
            super("bytes not allowed by the encoding on line " + line);
            this.line = line;
        }
    }

    /**
     * Reads {@code in} strictly in {@code charset}, counting lines as it decodes so that a bad byte is named
     * with its own line ({@link BadBytes}) — a reader decodes ahead of the CSV records it hands out.
     */
    static Reader reader(InputStream in, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Reader() {
            private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
            private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
            private long line = 1;
            private boolean end;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                while (!chars.hasRemaining()) {
                    if (end && !bytes.hasRemaining()) {
                        return -1;
                    }
                    fill();
                }
                int n = Math.min(length, chars.remaining());
                chars.get(buffer, offset, n);
                return n;
            }

            private void fill() throws IOException {
                if (!end) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                chars.clear();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (end && !result.isError()) {
                    result = decoder.flush(chars);
                }
                chars.flip();
                for (int i = chars.position(); i < chars.limit(); i++) {
                    if (chars.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    throw new BadBytes(line);
                }
                if (end && bytes.hasRemaining() && !chars.hasRemaining()) {
                    throw new BadBytes(line); // a sequence cut by the end of the file
                }
            }

            @Override
            public void close() {
                // the caller owns the stream
            }
        };
    }

    /** How the messages name an encoding. */
    static String name(Charset charset) {
        return charset.equals(GB18030) ? "GB18030/GBK" : "UTF-8";
    }

    private static boolean valid(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        // not the end of input: the prefix may cut the last character in two
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, false);
        return !result.isError();
    }

    /** The line of the first byte that UTF-8 does not allow, for the message. */
    private static long firstBadLine(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, false);
        long line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
