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
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        // Lists are GET requests, so their parameters are the query's filters and sort.
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.startsWith("_")) {
                b.queryParam(name, (Object[]) values);
            }
        });
        if (number > 0) {
            b.queryParam("page", number);
        }
        return b.encode().build().toUriString();
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
