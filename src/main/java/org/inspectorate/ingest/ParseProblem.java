package org.inspectorate.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * Why a report could not be read, in words the user can act on: a message key of the {@code ingest}
 * bundle with its arguments, and where in the file (1-based line and column; 0 when not known, e.g.
 * for a CSV record only the line is known).
 */
public record ParseProblem(String messageKey, long line, long column, Object... args) {

    public ParseProblem {
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return messageKey + Arrays.toString(args) + (line > 0 ? " at line " + line + ", column " + column : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParseProblem p && messageKey.equals(p.messageKey) && line == p.line
                && column == p.column && Arrays.equals(args, p.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageKey, line, column, Arrays.hashCode(args));
    }
}
