package org.inspectorate.report;

import java.util.ArrayList;
import java.util.List;

import org.inspectorate.filing.FilingState;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingCounts;
import org.inspectorate.organisation.Actor;
import org.springframework.stereotype.Service;

/**
 * The numbers of the home page per role, through the owning modules' public APIs: operators see their unresolved and
 * overdue findings and the units whose filing waits on them; regulators the overdue rectifications, filings awaiting
 * review and unresolved high-severity findings of their jurisdiction. Other roles get links only. The findings'
 * numbers are one sum of the register's counters ({@link FindingCounts}); the units' are counts bounded by the work
 * in hand (an operator's own units, the filings submitted and not yet decided), each on an index.
 */
@Service
class HomeDashboard {

    private final FindingCounts findings;
    private final NetworkUnits units;

    HomeDashboard(FindingCounts findings, NetworkUnits units) {
        this.findings = findings;
        this.units = units;
    }

    List<Tile> tiles(Actor actor) {
        List<Tile> tiles = new ArrayList<>();
        if (ReportAccess.seesRegulatorsHome(actor)) {
            FindingCounts.Totals counted = findings.of(actor);
            tiles.add(new Tile("regulator-overdue", "report.home.overdueRectifications", counted.overdue(),
                    "/findings/overdue", true));
            tiles.add(new Tile("regulator-review", "report.home.awaitingReview", units.countAwaitingReview(actor),
                    "/filings/review-queue", false));
            tiles.add(new Tile("regulator-high", "report.home.highUnresolved", counted.highUnresolved(),
                    "/findings?severity=HIGH&unresolved=true", true));
        } else if (ReportAccess.seesOperatorsHome(actor)) {
            FindingCounts.Totals counted = findings.of(actor);
            tiles.add(new Tile("operator-unresolved", "report.home.unresolvedFindings", counted.unresolved(),
                    "/findings?unresolved=true", false));
            tiles.add(new Tile("operator-overdue", "report.home.overdueFindings", counted.overdue(),
                    "/findings?overdue=true", true));
            tiles.add(new Tile("operator-returned", "report.home.returnedFilings",
                    units.count(actor, FilingState.RETURNED), "/network-units?state=RETURNED", true));
            tiles.add(new Tile("operator-drafts", "report.home.draftFilings", units.count(actor, FilingState.DRAFT),
                    "/network-units?state=DRAFT", false));
        }
        return tiles;
    }
}
