package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * An import failed (导入失败): nothing of the report was kept and the operator's import lock is free again.
 * Either its run failed (the report could not be read, or something else went wrong) or its node stopped
 * beating and the job was failed as abandoned by whichever node noticed, under the user {@code system}.
 *
 * @param errorKey    the message key of why ({@code ingest.import.abandoned} for an abandoned job)
 * @param errorDetail line, column and the values at fault, {@code |}-separated (see {@link ImportError});
 *                    {@code null} when there are none
 */
public record ImportFailed(long importId, long organisationId, String errorKey, String errorDetail, String by)
        implements AuditableEvent {

    @Override
    public String action() {
        return "import.failed";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        if (ImportLifecycle.ABANDONED.equals(errorKey)) {
            return "abandoned: the node stopped reporting";
        }
        return errorKey + (errorDetail == null ? "" : " " + errorDetail);
    }

    @Override
    public Outcome outcome() {
        return Outcome.FAILURE;
    }

    @Override
    public String actor() {
        return by;
    }
}
