package org.inspectorate.organisation;

import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;

/** Page requests from list parameters ({@code page}, {@code size}, {@code sort}, {@code dir}, {@code after}), shared by pages and API. */
final class Paging {

    private Paging() {
    }

    static PageRequest request(int page, int size, String sort, String dir, String defaultSort) {
        return request(page, size, sort, dir, defaultSort, null);
    }

    /** With the keyset cursor {@code after} of a list read by seeking (a bad token: bad input on {@code after}). */
    static PageRequest request(int page, int size, String sort, String dir, String defaultSort, String after) {
        String key = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        return new PageRequest(page, size, key, !"desc".equalsIgnoreCase(dir), Keyset.parse(after));
    }
}
