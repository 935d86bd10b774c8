package org.inspectorate.organisation;

import org.inspectorate.system.PageRequest;

/** Page requests from list parameters ({@code page}, {@code size}, {@code sort}, {@code dir}), shared by pages and API. */
final class Paging {

    private Paging() {
    }

    static PageRequest request(int page, int size, String sort, String dir, String defaultSort) {
        String key = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        return new PageRequest(page, size, key, !"desc".equalsIgnoreCase(dir));
    }
}
