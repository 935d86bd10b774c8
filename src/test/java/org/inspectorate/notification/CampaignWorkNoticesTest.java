package org.inspectorate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.inspectorate.rectification.ExtensionDecided;
import org.inspectorate.rectification.NoticeIssued;
import org.inspectorate.sharing.DataRequestDecided;
import org.inspectorate.sharing.DataRequestState;
import org.inspectorate.spotcheck.InspectionMethod;
import org.inspectorate.spotcheck.SpotCheckScheduled;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the second half of the campaign tells: each notice names its record, links to it, renders in both languages
 * with its values, and keeps one key per fact so a redelivered event adds nothing.
 */
class CampaignWorkNoticesTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    CampaignWorkNoticesTest() {
        messages.setBasenames("i18n/notification");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private String render(String key, Notice notice, Locale locale) {
        return messages.getMessage(key, notice.arguments().toArray(), locale);
    }

    @Test
    void anIssuedNoticeNamesItsNumberAndDeadlineInBothLanguages() {
        Notice notice = CampaignWorkListeners.noticeOf(new NoticeIssued(7, 3, "京通管网安〔2026〕5号",
                LocalDate.of(2026, 12, 31), null, false));

        assertThat(notice.link()).isEqualTo("/rectification-notices/7");
        assertThat(render(notice.bodyKey(), notice, Locale.SIMPLIFIED_CHINESE)).contains("京通管网安〔2026〕5号")
                .contains("2026-12-31");
        assertThat(render(notice.bodyKey(), notice, Locale.ENGLISH)).contains("by 2026-12-31");
        assertThat(CampaignWorkListeners.noticeOf(new NoticeIssued(7, 3, "x", LocalDate.of(2026, 12, 31), null, false))
                .dedupKey()).isEqualTo(notice.dedupKey());
    }

    @Test
    void anExtensionsDecisionSaysGrantedOrRefusedWithTheDeadlineInForce() {
        Notice granted = CampaignWorkListeners.noticeOf(new ExtensionDecided(7, 3, "N5", true, LocalDate.of(2027, 1, 31)));
        Notice refused = CampaignWorkListeners.noticeOf(new ExtensionDecided(7, 3, "N5", false, LocalDate.of(2026, 12, 31)));

        assertThat(render(granted.bodyKey(), granted, Locale.SIMPLIFIED_CHINESE)).contains("已同意").contains("2027-01-31");
        assertThat(render(refused.bodyKey(), refused, Locale.ENGLISH)).contains("refused").contains("2026-12-31");
    }

    @Test
    void theOperatorIsToldOfItsScheduledCheckWithItsDates() {
        Notice notice = CampaignWorkListeners.noticeOf(new SpotCheckScheduled(9, 3, Set.of(InspectionMethod.INTERVIEW),
                LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11), true));

        assertThat(notice.link()).isEqualTo("/spot-checks/9");
        assertThat(render(notice.bodyKey(), notice, Locale.SIMPLIFIED_CHINESE)).contains("2026-12-10").contains("2026-12-11");
        assertThat(render(notice.titleKey(), notice, Locale.ENGLISH)).contains("#9");
    }

    @Test
    void everyDecisionOfADataRequestHasItsOwnText() {
        for (DataRequestState decision : new DataRequestState[] {DataRequestState.APPROVED, DataRequestState.REFUSED,
                DataRequestState.PROVIDED}) {
            Notice notice = CampaignWorkListeners.noticeOf(new DataRequestDecided(4, 2, 3, decision, "FINDINGS",
                    LocalDate.of(2027, 1, 7), "范围过宽"));
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                assertThat(render(notice.bodyKey(), notice, locale)).as(decision + " " + locale).contains("#4")
                        .doesNotContain("{");
            }
        }
    }
}
