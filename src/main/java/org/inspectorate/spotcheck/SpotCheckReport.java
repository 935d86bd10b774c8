package org.inspectorate.spotcheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.inspectorate.finding.Severity;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreSheetView;
import org.inspectorate.scoring.ScoringStandard;
import org.inspectorate.system.DocumentBlock;
import org.inspectorate.system.DocumentBlock.Align;
import org.inspectorate.system.DocumentBlock.Heading;
import org.inspectorate.system.DocumentBlock.Paragraph;
import org.inspectorate.system.DocumentBlock.Table;

/**
 * The spot-check report (检查报告) as neutral blocks that the DOCX and the PDF render alike, assembled from the record
 * only: the scope (operator, units, authority), the methods and schedule, the authorisations of testing (scope,
 * window, confirmation), the team, the findings by severity with their on-site notices (acknowledged or refused),
 * and the score sheet when the reader sees one.
 */
final class SpotCheckReport {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Message text by key and arguments, in the report's language. */
    @FunctionalInterface
    interface Text {
        String get(String key, Object... args);
    }

    /**
     * What the report is made of, read through the check's gate: {@code sheet} is null when there is none or the reader
     * does not see it (the operator sees only an approved one).
     */
    record Contents(SpotCheckView check, String targetName, Map<Long, String> units,
            SpotChecks.Names names, List<TestingAuthorisation> authorisations, List<CheckFinding> findings,
            ScoreSheetView sheet) {
    }

    private SpotCheckReport() {
    }

    static String title(Contents c, Text t) {
        return t.get("spotcheck.report.title", c.targetName());
    }

    static List<DocumentBlock> blocks(Contents c, ZoneId zone, Text t) {
        List<DocumentBlock> b = new ArrayList<>();
        SpotCheckView check = c.check();
        b.add(new Heading(1, t.get("spotcheck.report.heading")));
        b.add(new Paragraph(t.get("spotcheck.report.number", String.valueOf(check.id())), Align.CENTER, false));
        scope(b, c, t);
        methods(b, check, t);
        authorisations(b, c.authorisations(), zone, t);
        team(b, c, t);
        findings(b, c, zone, t);
        if (c.sheet() != null) {
            sheet(b, c.sheet(), t);
        }
        b.add(new Paragraph(authority(c.check(), t), Align.RIGHT, true));
        b.add(new Paragraph(date(check.reportedOn(), t), Align.RIGHT, false));
        return b;
    }

    private static void scope(List<DocumentBlock> b, Contents c, Text t) {
        SpotCheckView check = c.check();
        b.add(new Heading(2, t.get("spotcheck.report.scope")));
        b.add(new Paragraph(t.get("spotcheck.report.operator", c.targetName())));
        b.add(new Paragraph(t.get("spotcheck.report.authority", authority(c.check(), t))));
        b.add(new Paragraph(t.get("spotcheck.report.state", t.get(check.state().messageKey()))));
        if (check.outsideDraw()) {
            b.add(new Paragraph(t.get("spotcheck.report.outsideDraw", check.outsideDrawReason()), Align.LEFT, true));
        }
        List<List<String>> rows = new ArrayList<>();
        c.units().forEach((id, name) -> rows.add(List.of("#" + id, name)));
        b.add(new Table(List.of(t.get("spotcheck.report.unitId"), t.get("spotcheck.report.unit")), rows));
    }

    private static void methods(List<DocumentBlock> b, SpotCheckView check, Text t) {
        b.add(new Heading(2, t.get("spotcheck.report.methods")));
        StringBuilder names = new StringBuilder();
        for (InspectionMethod m : check.methodList()) {
            names.append(names.isEmpty() ? "" : t.get("spotcheck.report.separator")).append(t.get(m.messageKey()));
        }
        b.add(new Paragraph(names.isEmpty() ? t.get("spotcheck.report.none") : names.toString()));
        b.add(new Paragraph(t.get("spotcheck.report.schedule", date(check.startsOn(), t), date(check.endsOn(), t))));
        if (check.documents() != null && !check.documents().isBlank()) {
            b.add(new Paragraph(t.get("spotcheck.report.documents", check.documents())));
        }
    }

    private static void authorisations(List<DocumentBlock> b, List<TestingAuthorisation> all, ZoneId zone, Text t) {
        b.add(new Heading(2, t.get("spotcheck.report.authorisations")));
        if (all.isEmpty()) {
            b.add(new Paragraph(t.get("spotcheck.report.none")));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (TestingAuthorisation a : all) {
            rows.add(List.of(t.get(a.method().messageKey()), a.scope().strip().replaceAll("\\s*\\R\\s*",
                    t.get("spotcheck.report.separator")), time(a.windowFrom(), zone) + " – " + time(a.windowUntil(), zone),
                    a.confirmed() ? t.get("spotcheck.report.confirmed", a.confirmedBy(), time(a.confirmedAt(), zone))
                            : t.get("spotcheck.report.unconfirmed")));
        }
        b.add(new Table(List.of(t.get("spotcheck.report.method"), t.get("spotcheck.report.authScope"),
                t.get("spotcheck.report.window"), t.get("spotcheck.report.confirmation")), rows));
    }

    private static void team(List<DocumentBlock> b, Contents c, Text t) {
        b.add(new Heading(2, t.get("spotcheck.report.team")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.get("spotcheck.report.leader"), c.names().inspector(c.check().leaderUserId())));
        for (Long member : c.check().memberUserIds()) {
            rows.add(List.of(t.get("spotcheck.report.member"), c.names().inspector(member)));
        }
        b.add(new Table(List.of(t.get("spotcheck.report.role"), t.get("spotcheck.report.name")), rows));
    }

    /** The findings grouped by severity, high first, each with its on-site notice and any major-problem mark. */
    private static void findings(List<DocumentBlock> b, Contents c, ZoneId zone, Text t) {
        b.add(new Heading(2, t.get("spotcheck.report.findings", c.findings().size())));
        if (c.findings().isEmpty()) {
            b.add(new Paragraph(t.get("spotcheck.report.none")));
        }
        for (Severity s : Severity.values()) {
            List<CheckFinding> of = c.findings().stream().filter(f -> s.name().equals(f.severity())).toList();
            if (of.isEmpty()) {
                continue;
            }
            b.add(new Heading(3, t.get("spotcheck.report.severity", t.get("finding.severity." + s.name()), of.size())));
            List<List<String>> rows = new ArrayList<>();
            for (CheckFinding f : of) {
                rows.add(List.of("#" + f.findingId(), f.title() + (f.major() ? t.get("spotcheck.report.major") : ""),
                        t.get(f.method().messageKey()), c.units().getOrDefault(f.networkUnitId(), "#" + f.networkUnitId())
                                + (f.host() == null ? "" : " " + f.host()), notice(f, zone, t)));
            }
            b.add(new Table(List.of(t.get("spotcheck.report.register"), t.get("spotcheck.report.finding"),
                    t.get("spotcheck.report.method"), t.get("spotcheck.report.where"),
                    t.get("spotcheck.report.notice")), rows));
        }
    }

    /** The on-site notice (现场告知): when and how told, then the operator's signature or its refusal and reason. */
    private static String notice(CheckFinding f, ZoneId zone, Text t) {
        if (f.noticeState() == null) {
            return t.get("spotcheck.notice.none");
        }
        String told = t.get("spotcheck.report.told", time(f.toldAt(), zone), t.get(f.toldMethod().messageKey()));
        return switch (f.noticeState()) {
            case TOLD -> told + t.get("spotcheck.report.unanswered");
            case ACKNOWLEDGED -> told + t.get("spotcheck.report.acknowledged", f.acknowledgedName(),
                    time(f.answeredAt(), zone));
            case REFUSED -> told + t.get("spotcheck.report.refused", time(f.answeredAt(), zone), f.refusalReason());
        };
    }

    private static void sheet(List<DocumentBlock> b, ScoreSheetView sheet, Text t) {
        ScoringStandard standard = sheet.standard();
        b.add(new Heading(2, t.get("spotcheck.report.sheet")));
        b.add(new Paragraph(t.get("spotcheck.report.sheetOf", standard.title(), String.valueOf(standard.version()),
                t.get(sheet.state().messageKey()))));
        b.add(new Paragraph(t.get("spotcheck.report.total", plain(sheet.score().total()), plain(standard.points())),
                Align.LEFT, true));
        if (!sheet.score().vetoedBy().isEmpty()) {
            b.add(new Paragraph(t.get("spotcheck.report.vetoedBy", String.join(t.get("spotcheck.report.separator"),
                    sheet.score().vetoedBy()))));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScoringStandard.Item item : standard.items()) {
            ScoreSheetView.MarkView m = sheet.marks().get(item.code());
            BigDecimal score = sheet.score().items().get(item.code());
            Mark mark = m == null ? null : m.mark();
            rows.add(List.of(item.code(), item.title(), plain(item.points()), score == null ? "—" : plain(score),
                    mark == null ? "" : mark.reason()));
        }
        b.add(new Table(List.of(t.get("spotcheck.report.item"), t.get("spotcheck.report.itemTitle"),
                t.get("spotcheck.report.points"), t.get("spotcheck.report.score"), t.get("spotcheck.report.reason")),
                rows));
    }

    /** The authority: the province's administration (通信管理局), or the Ministry for a check it runs. */
    private static String authority(SpotCheckView check, Text t) {
        return check.authorityProvinceCode() == null ? t.get("spotcheck.authority.ministry")
                : t.get("spotcheck.report.administration", t.get("province." + check.authorityProvinceCode()));
    }

    private static String plain(BigDecimal n) {
        return n == null ? "—" : n.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate d, Text t) {
        return d == null ? t.get("spotcheck.report.noDate")
                : t.get("spotcheck.report.date", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                        String.valueOf(d.getDayOfMonth()));
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "—" : MINUTE.format(at.atZone(zone));
    }
}
