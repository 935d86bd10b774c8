package org.inspectorate.system;

import java.util.Set;

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

    /**
     * The current request's path and query with {@code page} set to {@code number} (zero-based), read by
     * number: any keyset cursor ({@code after}) of the current request is dropped.
     */
    public String page(int number) {
        UriComponentsBuilder b = currentListWithout("page", "after");
        if (number > 0) {
            b.queryParam("page", number);
        }
        return b.encode().build().toUriString();
    }

    /**
     * The page after the current one of a list read by seeking: {@code after} set to the cursor's token and
     * {@code page} to {@code number}, which is only the position shown ("page 7"), not an offset.
     */
    public String after(Keyset cursor, int number) {
        return currentListWithout("page", "after").queryParam("after", cursor.token()).queryParam("page", number)
                .encode().build().toUriString();
    }

    /**
     * The current list's filters and sort on another path — its export ({@code /findings/export.xlsx}) — without
     * the page or cursor: an export holds every row of the list.
     */
    public String export(String path) {
        UriComponentsBuilder b = currentListWithout("page", "after");
        return UriComponentsBuilder.fromPath(path).query(b.build().getQuery()).build().toUriString();
    }

    /** The current request's path and query sorted by {@code sort} in the given direction, from the first page. */
    public String sorted(String sort, boolean ascending) {
        return currentListWithout("page", "after", "sort", "asc").queryParam("sort", sort).queryParam("asc", ascending)
                .encode().build().toUriString();
    }

    /**
     * The current list's path with its parameters except {@code dropped}: lists are GET requests, so their
     * parameters are the query's filters and sort; form fields starting with {@code _} (the CSRF token) and the
     * one-off language switch {@code lang} (the choice lives in a cookie) never go into a link.
     */
    private static UriComponentsBuilder currentListWithout(String... dropped) {
        HttpServletRequest request = currentRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        Set<String> skip = Set.of(dropped);
        request.getParameterMap().forEach((name, values) -> {
            if (!skip.contains(name) && !name.startsWith("_") && !name.equals("lang")) {
                b.queryParam(name, (Object[]) values);
            }
        });
        return b;
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
