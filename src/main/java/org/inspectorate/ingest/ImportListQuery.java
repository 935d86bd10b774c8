package org.inspectorate.ingest;

/**
 * Filters of the imports list (导入记录), the same for the page, the API and the export; {@code null} means
 * "any". {@code text} is part of the report's file name.
 */
public record ImportListQuery(ImportState state, String text) {

    public ImportListQuery {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static ImportListQuery all() {
        return new ImportListQuery(null, null);
    }
}
