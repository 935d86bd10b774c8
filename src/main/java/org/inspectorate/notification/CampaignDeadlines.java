package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.DeadlineKind;
import org.inspectorate.campaign.PublishedCampaign;
import org.springframework.stereotype.Component;

/**
 * The deadlines of the published campaigns (检查工作的截止时间): the operators' self-inspection summary report
 * (自查工作总结报告) to the operators of the types it names, and the provincial administrations' summary to the
 * Ministry (检查工作总结报告, 31 October in the 2018 campaign) to every province's officers. The campaigns of the years
 * the window touches; a closed campaign is owed nothing more.
 */
@Component
class CampaignDeadlines implements DeadlineSource {

    private final Campaigns campaigns;

    CampaignDeadlines(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each) {
        Set<Integer> years = new TreeSet<>(List.of(from.getYear(), until.getYear()));
        for (int year : years) {
            for (PublishedCampaign c : campaigns.publishedForYear(year)) {
                if (c.closed()) {
                    continue;
                }
                for (Deadline d : c.definition().deadlines()) {
                    if (!d.due().isBefore(from) && !d.due().isAfter(until)) {
                        deadline(c.code(), d).ifPresent(each);
                    }
                }
            }
        }
    }

    static java.util.Optional<DueDeadline> deadline(String campaign, Deadline d) {
        Recipients.Audience audience;
        if (d.kind() == DeadlineKind.SELF_INSPECTION_REPORT) {
            audience = new Recipients.OperatorsOfTypes(Set.copyOf(d.from()));
        } else if (d.kind() == DeadlineKind.PROVINCIAL_SUMMARY) {
            audience = new Recipients.AllProvincialOfficers();
        } else {
            return java.util.Optional.empty(); // filings and rectification reports have their own, per-record deadlines
        }
        return java.util.Optional.of(new DueDeadline(NotificationKind.REPORT_DUE, "report." + d.kind().name(),
                "campaign:" + campaign + ":" + d.id(), d.due(), List.of(campaign),
                d.kind() == DeadlineKind.SELF_INSPECTION_REPORT ? "/self-inspections" : "/self-inspections/status",
                audience));
    }
}
