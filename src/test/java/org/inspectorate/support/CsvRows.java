package org.inspectorate.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of a list's CSV download, for tests that compare an export with its list. */
public final class CsvRows {

    private CsvRows() {
    }

    /** The first column of every row after the header (the exports' first column names the row). */
    public static List<String> firstColumn(byte[] csv) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(csv, StandardCharsets.UTF_8).split("\r?\n")));
        lines.remove(0);
        return lines.stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)[0]).toList();
    }
}
