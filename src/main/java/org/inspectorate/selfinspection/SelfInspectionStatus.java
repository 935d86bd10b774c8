package org.inspectorate.selfinspection;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.campaign.CampaignDefinition;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.DeadlineKind;
import org.inspectorate.campaign.PublishedCampaign;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.TableExport;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regulators' submission-status view (报送情况): every in-scope operator of the actor's jurisdiction
 * against its deadline for a campaign, started or not, as a page, the API and an XLSX export. Regulators
 * only (others 404); every view and export is audited.
 */
@Service
public class SelfInspectionStatus {

    private final SelfInspectionRepository repository;
    private final Campaigns campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SelfInspectionAccess access = new SelfInspectionAccess();

    SelfInspectionStatus(SelfInspectionRepository repository, Campaigns campaigns, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the actor sees the submission-status view: the Ministry, or a provincial officer with a province. */
    public boolean mayView(Actor actor) {
        return access.mayViewStatus(actor);
    }

    /** Whether the actor may filter the view by province (the Ministry); others see their own province only. */
    public boolean mayFilterByProvince(Actor actor) {
        return access.mayFilterByProvince(actor);
    }

    /**
     * Every in-scope operator of the actor's jurisdiction against its deadline for the campaign, started or
     * not. Regulators only (others 404). Sort keys: name, status, answered, submittedAt, province, type.
     */
    @Transactional(readOnly = true)
    public PageResult<StatusRow> status(Actor actor, String campaignCode, StatusQuery query, PageRequest page) {
        requireRegulator(actor);
        PublishedCampaign campaign = campaigns.requirePublished(campaignCode);
        CampaignDefinition d = campaign.definition();
        List<OrganisationType> types = d.operatorTypes();
        LocalDate today = LocalDate.now(clock);
        List<OrganisationType> pastDue = types.stream()
                .filter(t -> d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, t)
                        .map(x -> ReportRoutingPolicy.overdue(x.due(), today)).orElse(false))
                .toList();
        return repository.status(campaign.code(), types, pastDue, d.checklistItems().size(), query,
                actor.jurisdiction().organisationScope("o.id"), page)
                .map(r -> r.dueOn() != null || r.workspaceId() != null ? r
                        : new StatusRow(r.organisationId(), r.organisationName(), r.organisationType(), r.province(),
                                null, r.status(), r.answered(), r.total(),
                                d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, r.organisationType())
                                        .map(Deadline::due).orElse(null),
                                null, null));
    }

    /** The status view shown to a regulator (a page or the API): as {@link #status}, and the view is audited. */
    @Transactional(readOnly = true)
    public PageResult<StatusRow> view(Actor actor, String campaignCode, StatusQuery query, PageRequest page) {
        PageResult<StatusRow> result = status(actor, campaignCode, query, page);
        events.publishEvent(new SelfInspectionStatusViewed(campaignCode, result.total(), query));
        return result;
    }

    /**
     * Records the export of the status view with its (bounded) count — first, in its own transaction, so that
     * a download the browser abandons is still on record.
     */
    @Transactional
    public void recordExport(Actor actor, String campaignCode, StatusQuery query, String sort, boolean asc) {
        PageResult<StatusRow> first = status(actor, campaignCode, query, new PageRequest(0, 1, sort, asc));
        events.publishEvent(new SelfInspectionStatusExported(campaignCode, first.total(), query));
    }

    /** Writes the status view (every row, the view's filter, sort and jurisdiction); returns the rows written. */
    public long writeExport(Actor actor, String campaignCode, StatusQuery query, String sort, boolean asc,
            TableExport out, SummaryReport.Text text) {
        requireRegulator(actor);
        return StatusExport.write(page -> status(actor, campaignCode, query, page), sort, asc, out, text);
    }

    private void requireRegulator(Actor actor) {
        if (!access.mayViewStatus(actor)) {
            throw new NotFoundException("self-inspection status", 0);
        }
    }
}
