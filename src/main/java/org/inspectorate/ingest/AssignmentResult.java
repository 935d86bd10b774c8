package org.inspectorate.ingest;

/**
 * What an assignment did (指派结果): how many hosts and waiting findings it took, what the findings did to the
 * register, and the import with its counts after it.
 */
public record AssignmentResult(int hosts, int findings, int created, int updated, int unchanged,
        boolean addedToAssets, ImportJob job) {
}
