package org.inspectorate.system;

/**
 * One page of a list: zero-based page number, size (1..200), a sort key the list understands and
 * its direction, and, for lists that seek instead of skipping, the keyset cursor of the last row of the
 * previous page ({@link Keyset}, the {@code after} parameter). Lists map the sort key to a column through a
 * whitelist, never by splicing it in.
 *
 * <p>Page numbers are capped at {@link #MAX_PAGE}: beyond it a list is read by its cursor (or narrowed by a
 * filter), because an OFFSET of millions of rows reads and discards them all.
 */
public record PageRequest(int page, int size, String sort, boolean ascending, Keyset after) {

    public static final int MAX_SIZE = 200;

    /** The last page reachable by number; deeper pages are read through the keyset cursor. */
    public static final int MAX_PAGE = 5_000;

    public PageRequest {
        page = Math.min(Math.max(page, 0), MAX_PAGE);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public PageRequest(int page, int size, String sort, boolean ascending) {
        this(page, size, sort, ascending, null);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size, null, true);
    }

    /** True when this request continues after a cursor rather than at a page number. */
    public boolean seeks() {
        return after != null;
    }

    /** Rows to skip: none when seeking, since the cursor's condition already starts after the last row shown. */
    public long offset() {
        return seeks() ? 0 : (long) page * size;
    }

    /** SQL direction keyword. */
    public String direction() {
        return ascending ? "ASC" : "DESC";
    }
}
