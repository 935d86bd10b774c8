package org.inspectorate.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, how many items the whole list has ({@code total}, exact unless
 * {@code totalAtLeast}: then "at least total", see {@link Total}) and, for lists read by seeking, the
 * cursor of the next page ({@code next}, null on the last page or for lists paged by number).
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalAtLeast, Keyset next) {

    public PageResult {
        items = List.copyOf(items);
    }

    /** A page of a list whose exact total is known. */
    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false, null);
    }

    /** A page with a bounded or kept total, and the cursor of the page after it (or null). */
    public PageResult(List<T> items, int page, int size, Total total, Keyset next) {
        this(items, page, size, total.value(), total.atLeast(), next);
    }

    public Total totalCount() {
        return new Total(total, totalAtLeast);
    }

    /** Pages reachable by number: all of them for an exact total, up to {@link PageRequest#MAX_PAGE} otherwise. */
    public int totalPages() {
        if (size == 0) {
            return 0;
        }
        long pages = (total + size - 1) / size;
        return (int) Math.min(pages, PageRequest.MAX_PAGE + 1L);
    }

    public boolean hasNext() {
        return next != null || page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total, totalAtLeast, next);
    }
}
