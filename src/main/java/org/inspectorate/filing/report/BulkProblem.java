package org.inspectorate.filing.report;

/**
 * One problem of a bulk upload file: the spreadsheet row number as the user sees it (header = 1),
 * the template column's header and the unit field it feeds, a message key and its arguments. Row and
 * column are {@code null} for a problem with the file as a whole (wrong columns, too many rows).
 */
record BulkProblem(Integer row, String column, String field, String code, Object... args) {
}
