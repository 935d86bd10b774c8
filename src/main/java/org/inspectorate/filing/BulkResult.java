package org.inspectorate.filing;

/** What a successful bulk upload did: how many rows the file had and how many units it created. */
public record BulkResult(int rows, int created) {
}
