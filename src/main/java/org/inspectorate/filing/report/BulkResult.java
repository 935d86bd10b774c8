package org.inspectorate.filing.report;

/** What a successful bulk upload did: how many rows the file had and how many units it created. */
record BulkResult(int rows, int created) {
}
