package org.inspectorate.system;

/**
 * One page of a list: zero-based page number, size (1..200), a sort key the list understands and
 * its direction. Lists map the sort key to a column through a whitelist, never by splicing it in.
 */
public record PageRequest(int page, int size, String sort, boolean ascending) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size, null, true);
    }

    public long offset() {
        return (long) page * size;
    }

    /** SQL direction keyword. */
    public String direction() {
        return ascending ? "ASC" : "DESC";
    }
}
