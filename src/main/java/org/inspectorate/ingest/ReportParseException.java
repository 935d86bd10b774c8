package org.inspectorate.ingest;

/**
 * A report that cannot be read: wrong format, malformed or truncated, forbidden XML constructs (DTDs,
 * entities), values out of range. Nothing of such a report may be imported. The {@link #problem()}
 * carries the message key and position to show the user; {@link #getMessage()} is for logs.
 */
public class ReportParseException extends RuntimeException {

    private final transient ParseProblem problem;

    public ReportParseException(ParseProblem problem) {
        this(problem, null);
    }

    public ReportParseException(ParseProblem problem, Throwable cause) {
        super(problem.toString() + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
        this.problem = problem;
    }

    static ReportParseException of(String messageKey, long line, long column, Object... args) {
        return new ReportParseException(new ParseProblem(messageKey, line, column, args));
    }

    public ParseProblem problem() {
        return problem;
    }

    public String messageKey() {
        return problem.messageKey();
    }

    public long line() {
        return problem.line();
    }

    public long column() {
        return problem.column();
    }
}
