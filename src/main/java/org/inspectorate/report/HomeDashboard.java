package org.inspectorate.report;

import java.util.ArrayList;
import java.util.List;

import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingQuery;
import org.inspectorate.finding.FindingQueries;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.springframework.stereotype.Service;

/**
 * The numbers of the home page per role, each one COUNT through the owning module's public API:
 * operators see their unresolved and overdue findings and the units whose filing waits on them;
 * regulators the overdue rectifications, filings awaiting review and unresolved high-severity
 * findings of their jurisdiction. Other roles get links only.
 */
@Service
class HomeDashboard {

    private final FindingQueries findings;
    private final NetworkUnits units;

    HomeDashboard(FindingQueries findings, NetworkUnits units) {
        this.findings = findings;
        this.units = units;
    }

    List<Tile> tiles(Actor actor) {
        List<Tile> tiles = new ArrayList<>();
        if (ReportAccess.seesRegulatorsHome(actor)) {
            tiles.add(new Tile("regulator-overdue", "report.home.overdueRectifications",
                    findings.count(actor, findingQuery(null, true, null)), "/findings/overdue", true));
            tiles.add(new Tile("regulator-review", "report.home.awaitingReview", units.countAwaitingReview(actor),
                    "/filings/review-queue", false));
            tiles.add(new Tile("regulator-high", "report.home.highUnresolved",
                    findings.count(actor, findingQuery(Severity.HIGH, null, true)),
                    "/findings?severity=HIGH&unresolved=true", true));
        } else if (ReportAccess.seesOperatorsHome(actor)) {
            tiles.add(new Tile("operator-unresolved", "report.home.unresolvedFindings",
                    findings.count(actor, findingQuery(null, null, true)), "/findings?unresolved=true", false));
            tiles.add(new Tile("operator-overdue", "report.home.overdueFindings",
                    findings.count(actor, findingQuery(null, true, null)), "/findings?overdue=true", true));
            tiles.add(new Tile("operator-returned", "report.home.returnedFilings",
                    units.count(actor, FilingState.RETURNED), "/network-units?state=RETURNED", true));
            tiles.add(new Tile("operator-drafts", "report.home.draftFilings", units.count(actor, FilingState.DRAFT),
                    "/network-units?state=DRAFT", false));
        }
        return tiles;
    }

    private static FindingQuery findingQuery(Severity severity, Boolean overdue, Boolean unresolved) {
        return new FindingQuery(severity, null, null, overdue, null, null, null, null, null, null, null, unresolved, null,
                null);
    }
}
