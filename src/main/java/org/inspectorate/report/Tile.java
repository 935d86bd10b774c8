package org.inspectorate.report;

/**
 * One number on the home page: its label (a message key), the count, where it leads, and whether a
 * non-zero count needs attention (shown in red).
 */
record Tile(String id, String labelKey, long count, String link, boolean alarming) {

    /** Whether to draw attention to it now. */
    public boolean alert() {
        return alarming && count > 0;
    }
}
