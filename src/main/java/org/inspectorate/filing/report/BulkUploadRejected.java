package org.inspectorate.filing.report;

import java.util.List;

/**
 * A bulk upload file refused as a whole, with every problem found; nothing was saved.
 * {@code tooLarge} marks a file over the size limit (the API answers 413).
 */
class BulkUploadRejected extends RuntimeException {

    private final transient List<BulkProblem> problems;
    private final boolean tooLarge;

    BulkUploadRejected(List<BulkProblem> problems, boolean tooLarge) {
        super(problems.size() + " problems in the bulk upload file");
        this.problems = List.copyOf(problems);
        this.tooLarge = tooLarge;
    }

    static BulkUploadRejected file(String code, Object... args) {
        return new BulkUploadRejected(List.of(new BulkProblem(null, null, null, code, args)), false);
    }

    public List<BulkProblem> problems() {
        return problems;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
