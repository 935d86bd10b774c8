package org.inspectorate.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to other pages of the list being shown, keeping every filter and sort of the current
 * request: templates call {@code ${@listPages.page(n)}} through the shared pager fragment
 * ({@code fragments/pager :: pager}), so no list spells out its query parameters twice.
 */
@Component("listPages")
public class ListPages {

    /** The current request's path and query with {@code page} set to {@code number} (zero-based). */
    public String page(int number) {
        HttpServletRequest request = currentRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query));
        if (number > 0) {
            b.replaceQueryParam("page", number);
        } else {
            b.replaceQueryParam("page");
        }
        return b.build(true).toUriString();
    }

    /** The current request's path and query sorted by {@code sort} in the given direction, from the first page. */
    public String sorted(String sort, boolean ascending) {
        HttpServletRequest request = currentRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
                .replaceQueryParam("page").replaceQueryParam("sort", sort).replaceQueryParam("asc", ascending)
                .build(true).toUriString();
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
