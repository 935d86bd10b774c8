package org.inspectorate.system;

import java.util.List;

/**
 * Rows of a list written out as a file, one row at a time, never holding the list: the same
 * writer serves the XLSX ({@link XlsxExport}) and the CSV ({@link CsvExport}) download of every list,
 * so an export has the page's filters and jurisdiction by reading through the same query.
 */
public interface TableExport {

    /** The row of column names, first. */
    void header(List<String> names);

    /**
     * One row: numbers as numbers, everything else as its text ({@code null} as empty), text defused
     * against formula injection ({@link SpreadsheetCells#defuse}).
     */
    void values(List<?> values);
}
