package org.inspectorate.system;

/**
 * Text bound for a spreadsheet cell (XLSX export, CSV download) is defused here, in one place: a
 * value a spreadsheet would run as a formula (公式注入) gets a leading apostrophe.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** Whether a spreadsheet would read the text as a formula: it starts, after blanks, with = + - or @. */
    public static boolean looksLikeFormula(String value) {
        if (value == null) {
            return false;
        }
        String s = value.stripLeading();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    /** The text as a cell may safely hold it: {@code null} as empty, formula-like text (or a leading tab or CR) behind an apostrophe. */
    public static String defuse(String value) {
        if (value == null) {
            return "";
        }
        return looksLikeFormula(value) || value.startsWith("\t") || value.startsWith("\r") ? "'" + value : value;
    }
}
