package org.inspectorate.scoring;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.scoring.RankingRepository.Ranked;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings of approved scores (排名) per year, operator type and province, and the export of a year's approved
 * scores per operator that feeds the annual responsibility assessment (考核依据). Regulators only (404 for
 * everyone else); a provincial officer's rankings and export are confined to their province.
 */
@Service
public class Rankings {

    /** The most rows one assessment export writes. */
    static final int MAX_ROWS = 100_000;

    private final RankingRepository rankings;
    private final ScoringAccess access = new ScoringAccess();
    private final ApplicationEventPublisher events;

    Rankings(RankingRepository rankings, ApplicationEventPublisher events) {
        this.rankings = rankings;
        this.events = events;
    }

    /** What a ranking asks for: the year and operator type, and the province (null: the whole country). */
    public record RankingQuery(int year, OrganisationType operatorType, Province province) {

        /** Reads the query from request parameters; unknown values are bad input naming their field. */
        public static RankingQuery parse(String yearText, String operatorType, String province) {
            List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
            Integer year = null;
            try {
                year = yearText == null ? null : Integer.valueOf(yearText.strip());
            } catch (NumberFormatException e) {
                // reported below as the field's problem
            }
            if (year == null || year < 2000 || year > 2100) {
                problems.add(new InvalidInputException.FieldProblem("year", "scoring.ranking.year"));
            }
            OrganisationType type = null;
            try {
                type = OrganisationType.valueOf(operatorType == null ? "" : operatorType);
                if (!type.isOperator()) {
                    throw new IllegalArgumentException(operatorType);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("operatorType", "scoring.ranking.operatorType"));
            }
            Province p = null;
            if (province != null && !province.isBlank()) {
                p = Province.ofCode(province).orElse(null);
                if (p == null) {
                    problems.add(new InvalidInputException.FieldProblem("province", "scoring.ranking.province"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new RankingQuery(year, type, p);
        }
    }

    /**
     * The ranking query of request parameters, for an actor who may rank: 404 for everyone else before any
     * parameter is read, then bad input naming each field that does not read.
     */
    public RankingQuery query(Actor actor, String year, String operatorType, String province) {
        requireRanker(actor);
        return RankingQuery.parse(year, operatorType, province);
    }

    /** Refuses (404) an actor who does not read rankings: the pages and the export ask before anything else. */
    public void requireRanker(Actor actor) {
        province(actor, null);
    }

    /** Whether the actor reads rankings (the pages' menu). */
    public boolean mayRank(Actor actor) {
        return access.mayRank(actor);
    }

    /** One page of the ranking, audited as a view of results. */
    @Transactional
    public PageResult<RankingRow> ranking(Actor actor, RankingQuery query, PageRequest page) {
        Province province = province(actor, query.province());
        List<Ranked> fetched = rankings.page(query.year(), query.operatorType(), province, page);
        Total total = Total.bounded(rankings.count(query.year(), query.operatorType(), province));
        PageResult<Ranked> raw = Seek.page(fetched, page, total, r -> new Keyset(r.total().toPlainString(), r.sheetId()));
        List<RankingRow> rows = new ArrayList<>();
        if (!raw.items().isEmpty()) {
            Ranked first = raw.items().get(0);
            long position = page.seeks()
                    ? rankings.before(query.year(), query.operatorType(), province, first.total(), first.sheetId())
                    : page.offset();
            int rank = (int) rankings.higherThan(query.year(), query.operatorType(), province, first.total()) + 1;
            for (int i = 0; i < raw.items().size(); i++) {
                Ranked r = raw.items().get(i);
                if (i > 0 && r.total().compareTo(raw.items().get(i - 1).total()) != 0) {
                    rank = (int) (position + i + 1);
                }
                rows.add(r.at(rank));
            }
        }
        events.publishEvent(new RankingViewed(query.year(), query.operatorType().name(),
                province == null ? null : province.code()));
        return new PageResult<>(rows, raw.page(), raw.size(), total, raw.next());
    }

    /**
     * The approved scores of {@code year} (one operator's, or all the actor's area's) as XLSX, row by row, a page of
     * 200 after another; the export is on record before the file is written.
     */
    @Transactional
    public long exportAssessment(Actor actor, int year, Long operatorId, OutputStream out,
            Function<String, String> text) throws IOException {
        Province province = province(actor, null);
        events.publishEvent(new AssessmentExported(year, operatorId, province == null ? null : province.code()));
        long count = 0;
        try (XlsxExport x = new XlsxExport(text.apply("scoring.assessment.title"))) {
            x.header(List.of("scoring.field.operator", "scoring.field.operatorType", "scoring.field.province",
                    "scoring.field.year", "scoring.field.spotCheck", "scoring.field.outsideDraw", "scoring.field.total",
                    "scoring.field.vetoed", "scoring.field.approvedBy", "scoring.field.approvedAt").stream()
                    .map(text).toList());
            long after = 0;
            while (count < MAX_ROWS) {
                List<Ranked> batch = rankings.assessment(year, operatorId, province, after, PageRequest.MAX_SIZE);
                for (Ranked r : batch) {
                    Row row = x.row();
                    x.text(row, 0, r.operatorName());
                    x.text(row, 1, text.apply(r.type().messageKey()));
                    x.text(row, 2, r.province() == null ? "" : text.apply(r.province().messageKey()));
                    x.number(row, 3, r.year());
                    x.number(row, 4, r.spotCheckId());
                    x.text(row, 5, text.apply(r.outsideDraw() ? "scoring.yes" : "scoring.no"));
                    x.number(row, 6, r.total().doubleValue());
                    x.text(row, 7, text.apply(r.vetoed() ? "scoring.yes" : "scoring.no"));
                    x.text(row, 8, r.decidedBy());
                    x.text(row, 9, r.decidedAt() == null ? "" : r.decidedAt().toString());
                    after = r.sheetId();
                    count++;
                }
                if (batch.size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
            x.write(out);
        }
        return count;
    }

    private Province province(Actor actor, Province asked) {
        if (!access.mayRank(actor)) {
            throw new NotFoundException("rankings", actor.username());
        }
        Province own = access.rankingProvince(actor);
        return own != null ? own : asked;
    }
}
