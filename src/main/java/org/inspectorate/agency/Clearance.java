package org.inspectorate.agency;

import java.time.LocalDate;

/**
 * Whether an inspector may see inspection data on a day (保密资格): the last day of the vetting, of the personal and of
 * the agency's confidentiality commitment that hold that day, each {@code null} when none does.
 */
public record Clearance(long userId, LocalDate on, LocalDate vettedUntil, LocalDate personalCommitmentUntil,
        LocalDate agencyCommitmentUntil) {

    /** Vetted, and both their own and their agency's commitment valid. */
    public boolean valid() {
        return vettedUntil != null && personalCommitmentUntil != null && agencyCommitmentUntil != null;
    }

    /** What is missing, as a message-key suffix: {@code vetting}, {@code commitment}, {@code agencyCommitment}, or "". */
    public String lapse() {
        if (vettedUntil == null) {
            return "vetting";
        }
        if (personalCommitmentUntil == null) {
            return "commitment";
        }
        return agencyCommitmentUntil == null ? "agencyCommitment" : "";
    }
}
