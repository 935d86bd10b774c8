package org.inspectorate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.DeadlineKind;
import org.inspectorate.campaign.LocalizedText;
import org.inspectorate.campaign.Recipient;
import org.inspectorate.draw.DrawPublished;
import org.inspectorate.draw.PlannedSpotCheck;
import org.inspectorate.filing.FilingAccepted;
import org.inspectorate.filing.FilingDue;
import org.inspectorate.filing.FilingKind;
import org.inspectorate.filing.FilingReturned;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.finding.FindingDue;
import org.inspectorate.notification.NotificationRepository.MailState;
import org.inspectorate.notification.Preferences.Channels;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Role;
import org.junit.jupiter.api.Test;

/** The kind and recipient rules: which notice an event makes, who is told, and by which channel. */
class NotificationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aReturnedFilingTellsTheUnitsNameAndReasonsAndLinksToTheUnitOncePerVersion() {
        Notice n = NotificationListeners.noticeOf(new FilingReturned(7, 42, 3, "门户网站", "缺少拓扑图"));
        assertThat(n.kind()).isEqualTo(NotificationKind.FILING_RETURNED);
        assertThat(n.titleKey()).isEqualTo("notification.FILING_RETURNED.title");
        assertThat(n.arguments()).containsExactly("门户网站", "缺少拓扑图");
        assertThat(n.link()).isEqualTo("/network-units/7");
        assertThat(n.dedupKey()).isEqualTo("filing.returned:7/v3");
    }

    @Test
    void longReturnReasonsAreCutInTheNotificationNotInTheFiling() {
        Notice n = NotificationListeners.noticeOf(new FilingReturned(7, 42, 3, "门户", "长".repeat(500)));
        assertThat(n.arguments().get(1)).hasSize(201).endsWith("…");
    }

    @Test
    void anAcceptedFilingSaysWhatWasAcceptedFirstFilingChangeOrDecommissioning() {
        for (FilingKind kind : FilingKind.values()) {
            Notice n = NotificationListeners.noticeOf(new FilingAccepted(7, 42, 2, "鲁 2026-0001", GradeLevel.LEVEL_2,
                    kind));
            assertThat(n.bodyKey()).isEqualTo("notification.FILING_ACCEPTED.body." + kind.name());
            assertThat(n.arguments()).containsExactly("鲁 2026-0001", "2");
        }
    }

    @Test
    void aPublishedDrawTellsEachInspectorOfTheirOwnCheckOnly() {
        PlannedSpotCheck check = new PlannedSpotCheck(5, 9, "2026 抽查", 70, 42, 100, List.of(100L, 101L, 102L),
                "PLANNED", TODAY.plusDays(10));
        assertThat(Recipients.team(check)).containsExactly(100L, 101L, 102L);
        Notice n = NotificationListeners.noticeOf(new DrawPublished(9, "abc"), check);
        assertThat(n.kind()).isEqualTo(NotificationKind.SPOT_CHECK_SCHEDULED);
        assertThat(n.dedupKey()).isEqualTo("draw.published:9/check:5");
        assertThat(n.arguments()).containsExactly("2026 抽查", "2026-06-25");
    }

    @Test
    void anOperatorsFilingsFindingsAndDeadlinesGoToItsSecurityTeamOnly() {
        assertThat(Recipients.OPERATOR_TEAM).containsExactlyInAnyOrder(Role.OPERATOR_ADMIN, Role.OPERATOR_STAFF);
        DueDeadline filing = FilingDeadlines.deadline(new FilingDue(7, 42, "门户", FilingKind.CHANGE,
                TODAY.plusDays(3)));
        assertThat(filing.audience()).isEqualTo(new Recipients.OperatorTeam(42));
        assertThat(filing.topic()).isEqualTo("filing.CHANGE");
        DueDeadline finding = FindingDeadlines.deadline(new FindingDue(9, 42, "弱口令", TODAY.minusDays(1)));
        assertThat(finding.audience()).isEqualTo(new Recipients.OperatorTeam(42));
        assertThat(finding.link()).isEqualTo("/findings/9");
    }

    @Test
    void aCampaignsSelfInspectionReportGoesToItsOperatorTypesAndTheProvincialSummaryToEveryProvincesOfficers() {
        LocalizedText title = new LocalizedText("报告", "Report");
        Deadline self = new Deadline("d1", DeadlineKind.SELF_INSPECTION_REPORT,
                List.of(OrganisationType.INTERNET_ENTERPRISE), Recipient.LOCAL_ADMINISTRATION, TODAY, title);
        Deadline summary = new Deadline("d2", DeadlineKind.PROVINCIAL_SUMMARY,
                List.of(OrganisationType.PROVINCIAL_ADMINISTRATION), Recipient.MINISTRY, LocalDate.of(2026, 10, 31),
                title);
        Deadline filing = new Deadline("d3", DeadlineKind.FILING, List.of(OrganisationType.INTERNET_ENTERPRISE),
                Recipient.LOCAL_ADMINISTRATION, TODAY, title);
        assertThat(CampaignDeadlines.deadline("C2026", self).orElseThrow().audience())
                .isEqualTo(new Recipients.OperatorsOfTypes(Set.of(OrganisationType.INTERNET_ENTERPRISE)));
        assertThat(CampaignDeadlines.deadline("C2026", summary).orElseThrow().audience())
                .isEqualTo(new Recipients.AllProvincialOfficers());
        assertThat(CampaignDeadlines.deadline("C2026", filing)).isEmpty();
    }

    @Test
    void aReminderIsSentWithinSevenDaysBeforeItsDeadlineAndOnceAfterItUpToThirtyDaysLate() {
        assertThat(ReminderPolicy.stage(TODAY.plusDays(8), TODAY)).isEmpty();
        assertThat(ReminderPolicy.stage(TODAY.plusDays(7), TODAY)).contains(ReminderPolicy.Stage.SOON);
        assertThat(ReminderPolicy.stage(TODAY, TODAY)).contains(ReminderPolicy.Stage.SOON);
        assertThat(ReminderPolicy.stage(TODAY.minusDays(1), TODAY)).contains(ReminderPolicy.Stage.OVERDUE);
        assertThat(ReminderPolicy.stage(TODAY.minusDays(30), TODAY)).contains(ReminderPolicy.Stage.OVERDUE);
        assertThat(ReminderPolicy.stage(TODAY.minusDays(31), TODAY)).isEmpty();
        assertThat(ReminderPolicy.from(TODAY)).isEqualTo(TODAY.minusDays(30));
        assertThat(ReminderPolicy.until(TODAY)).isEqualTo(TODAY.plusDays(7));
    }

    @Test
    void aReminderKeyNamesTheRecordTheDueDayAndTheStageSoAMovedDeadlineIsRemindedAgain() {
        DueDeadline due = FilingDeadlines.deadline(new FilingDue(7, 42, "门户", FilingKind.INITIAL, TODAY));
        Notice soon = due.notice(ReminderPolicy.Stage.SOON);
        assertThat(soon.dedupKey()).isEqualTo("reminder:filing.INITIAL:unit:7:2026-06-15:soon");
        assertThat(soon.titleKey()).isEqualTo("notification.reminder.filing.INITIAL.soon.title");
        assertThat(soon.arguments()).containsExactly("门户", "2026-06-15");
        assertThat(due.notice(ReminderPolicy.Stage.OVERDUE).dedupKey()).isNotEqualTo(soon.dedupKey());
        DueDeadline moved = FilingDeadlines.deadline(new FilingDue(7, 42, "门户", FilingKind.INITIAL,
                TODAY.plusDays(1)));
        assertThat(moved.notice(ReminderPolicy.Stage.SOON).dedupKey()).isNotEqualTo(soon.dedupKey());
    }

    @Test
    void withoutAnAddressNothingIsMailedAndADigestKeepsTheMailForTheDay() {
        Preferences none = Preferences.defaults(1);
        assertThat(DeliveryPolicy.route(none, NotificationKind.FILING_RETURNED))
                .isEqualTo(new DeliveryPolicy.Route(true, MailState.NONE));
        Preferences mail = new Preferences(1, "a@example.cn", "zh-CN", false, Map.of(), 1);
        assertThat(DeliveryPolicy.route(mail, NotificationKind.FILING_RETURNED))
                .isEqualTo(new DeliveryPolicy.Route(true, MailState.PENDING));
        Preferences digest = new Preferences(1, "a@example.cn", "zh-CN", true, Map.of(), 1);
        assertThat(DeliveryPolicy.route(digest, NotificationKind.FILING_RETURNED))
                .isEqualTo(new DeliveryPolicy.Route(true, MailState.DIGEST));
    }

    @Test
    void aKindTurnedOffInBothChannelsGoesNowhereAndOneOffInTheInboxOnlyIsStillMailed() {
        Preferences p = new Preferences(1, "a@example.cn", "en", false, Map.of(
                NotificationKind.FILING_ACCEPTED, new Channels(false, false),
                NotificationKind.FINDING_DUE, new Channels(false, true)), 1);
        assertThat(DeliveryPolicy.route(p, NotificationKind.FILING_ACCEPTED)).isNull();
        assertThat(DeliveryPolicy.route(p, NotificationKind.FINDING_DUE))
                .isEqualTo(new DeliveryPolicy.Route(false, MailState.PENDING));
    }

    @Test
    void onlyAPlainAddressIsAnEmailAddress() {
        assertThat(EmailAddress.parse(" zhang.san@example.cn ")).contains("zhang.san@example.cn");
        for (String bad : List.of("zhang", "zhang@", "@example.cn", "a b@example.cn", "张三 <z@example.cn>",
                "a@example.cn, b@example.cn", "a@localhost", "a@@example.cn", "x".repeat(250) + "@example.cn")) {
            assertThat(EmailAddress.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void preferencesRefuseAnAddressThatDoesNotParseAnUnknownLanguageAndAnUnknownKindPerField() {
        try {
            Notifications.validated(1, new PreferencesInput("not an address", "fr", false, List.of("NO_SUCH"),
                    List.of(), 0));
            throw new AssertionError("accepted");
        } catch (org.inspectorate.system.InvalidInputException e) {
            assertThat(e.problems()).extracting(p -> p.field())
                    .containsExactlyInAnyOrder("email", "language", "mutedInApp");
        }
        Preferences ok = Notifications.validated(1, new PreferencesInput("", "en", true, List.of("filing-accepted"),
                List.of("FINDING_DUE"), 3));
        assertThat(ok.email()).isNull();
        assertThat(ok.inApp(NotificationKind.FILING_ACCEPTED)).isFalse();
        assertThat(ok.of(NotificationKind.FINDING_DUE)).isEqualTo(new Channels(true, false));
        assertThat(ok.version()).isEqualTo(3);
    }
}
