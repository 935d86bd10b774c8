package org.inspectorate.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.inspectorate.system.SpreadsheetCells;

/** RFC 4180 rows, with cells that a spreadsheet would run as a formula defused. */
final class Csv {

    private Csv() {
    }

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String v = SpreadsheetCells.defuse(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
