package org.inspectorate.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.inspectorate.system.PageRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sorting links of a list page that keep its filters (paging is the shared pager's): a column's header toggles its
 * direction, any other change of sort or filter goes back to the first page.
 */
record ListLinks(String path, Map<String, String> filters, PageRequest page) {

    ListLinks {
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        filters = kept;
    }

    /** The list sorted by {@code key}: ascending first, the other direction when already sorted by it. */
    public String sort(String key) {
        boolean ascending = !key.equals(page.sort()) || !page.ascending();
        return url(key, ascending);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the column header's aria-sort. */
    public String ariaSort(String key) {
        if (!key.equals(page.sort())) {
            return "none";
        }
        return page.ascending() ? "ascending" : "descending";
    }

    private String url(String sort, boolean ascending) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filters.forEach(b::queryParam);
        if (sort != null) {
            b.queryParam("sort", sort).queryParam("dir", ascending ? "asc" : "desc");
        }
        return b.encode().build().toUriString();
    }
}
