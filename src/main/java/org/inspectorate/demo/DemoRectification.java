package org.inspectorate.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingQueries;
import org.inspectorate.finding.FindingQuery;
import org.inspectorate.finding.FindingStatus;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.rectification.LegalBasis;
import org.inspectorate.rectification.Notice;
import org.inspectorate.rectification.NoticeDraft;
import org.inspectorate.rectification.NoticeFilter;
import org.inspectorate.rectification.RectificationNotices;
import org.inspectorate.system.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One issued rectification notice (整改通知书) for the demo: the Beijing administration to 中国电信北京分公司, covering
 * the open findings of its self-inspection, due in 30 days, so that the notice pages of both sides are not empty.
 */
class DemoRectification {

    private final Organisations organisations;
    private final FindingQueries findings;
    private final RectificationNotices notices;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoRectification(Organisations organisations, FindingQueries findings, RectificationNotices notices,
            TransactionTemplate transaction, Clock clock) {
        this.organisations = organisations;
        this.findings = findings;
        this.notices = notices;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The notice issued by this run, or {@code null} when one exists already or there is nothing to cover. */
    Notice load() {
        return transaction.execute(status -> {
            Actor officer = actor("admin-110000", Role.PROVINCIAL_OFFICER);
            if (!notices.list(officer, NoticeFilter.none(), PageRequest.first(1)).items().isEmpty()) {
                return null;
            }
            Actor operator = actor("telecom-bj", Role.OPERATOR_ADMIN);
            List<Long> open = findings.list(operator, FindingQuery.all(), PageRequest.first(50)).items().stream()
                    .filter(f -> f.status() == FindingStatus.OPEN).map(Finding::id).toList();
            if (open.isEmpty()) {
                return null;
            }
            Notice draft = notices.draft(officer, new NoticeDraft(open, List.of(LegalBasis.CSL_21, LegalBasis.CSL_25,
                    LegalBasis.D11_11), LocalDate.now(clock).plusDays(30), null));
            return notices.issue(officer, draft.id());
        });
    }

    private Actor actor(String key, Role role) {
        DemoOrganisation o = DemoDirectory.organisations().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow();
        Organisation org = organisations.findByCreditCodeUnscoped(o.creditCode()).orElseThrow();
        return new Actor(0, "demo-data", org.id(), org.type(), org.province(), Set.of(role));
    }
}
