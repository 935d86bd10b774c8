package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ListPagesTest {

    private final ListPages pages = new ListPages();

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void current(String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nv = pair.split("=", 2);
                request.addParameter(URLDecoder.decode(nv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
            }
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aPageLinkKeepsEveryFilterAndSortAndReplacesOnlyThePage() {
        current("/findings", "q=%E5%BC%B1%E5%8F%A3%E4%BB%A4&severity=HIGH&sort=dueOn&asc=false&page=3");

        assertThat(pages.page(4))
                .isEqualTo("/findings?q=%E5%BC%B1%E5%8F%A3%E4%BB%A4&severity=HIGH&sort=dueOn&asc=false&page=4");
    }

    @Test
    void aSortLinkKeepsEveryFilterAndGoesBackToTheFirstPage() {
        current("/findings", "province=420000&age=D31_90&sort=dueOn&asc=true&page=3");

        assertThat(pages.sorted("severity", false))
                .isEqualTo("/findings?province=420000&age=D31_90&sort=severity&asc=false");
    }

    @Test
    void theFirstPageLinkDropsThePageParameter() {
        current("/findings", "severity=HIGH&page=3");

        assertThat(pages.page(0)).isEqualTo("/findings?severity=HIGH");
    }

    @Test
    void formTokensAreNotCarriedIntoLinks() {
        current("/users", "_csrf=secret&q=li&lang=en");

        assertThat(pages.page(1)).isEqualTo("/users?q=li&page=1");
    }

    @Test
    void aListWithoutQueryGetsOnlyThePage() {
        current("/network-units", null);

        assertThat(pages.page(2)).isEqualTo("/network-units?page=2");
    }

    @Test
    void theContextPathIsLeftToTheTemplateLinkExpression() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/audit");
        request.setContextPath("/app");
        request.addParameter("page", "1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(pages.page(2)).isEqualTo("/audit?page=2");
    }

    @Test
    void theNextPageOfASeekingListCarriesTheCursorAndAPageNumberLinkDropsIt() {
        current("/findings", "severity=HIGH&after=abc&page=3");
        Keyset cursor = new Keyset("2026-06-15T02:00:00Z", 42);

        assertThat(pages.after(cursor, 4)).isEqualTo("/findings?severity=HIGH&after=" + cursor.token() + "&page=4");
        assertThat(pages.page(0)).isEqualTo("/findings?severity=HIGH");
    }
}
