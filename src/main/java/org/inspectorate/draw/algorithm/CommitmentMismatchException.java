package org.inspectorate.draw.algorithm;

import java.util.List;

/** The revealed seed, the snapshot or the rules are not the ones committed to; nothing is drawn. */
public class CommitmentMismatchException extends RuntimeException {

    private final List<String> mismatches;

    public CommitmentMismatchException(List<String> mismatches) {
        super(String.join("; ", mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    public List<String> mismatches() {
        return mismatches;
    }
}
