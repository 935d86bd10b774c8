package org.inspectorate.finding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The regulators' findings pages: the summary with its charts and drill-down links into the register,
 * the overdue rectifications, and their XLSX exports. Anyone but a regulator's officer gets 404.
 */
@Controller
class FindingReportPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FindingReports reports;
    private final MessageSource messages;

    FindingReportPages(FindingReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/findings/summary")
    String summary(Actor actor, @RequestParam(required = false) String province,
            @RequestParam(required = false) Long operator, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String campaign,
            Model model, Locale locale) {
        FindingReports.ReportQuery query = query(actor, province, operator, severity, category, campaign, null);
        FindingReports.Summary s = reports.summary(actor, query, "page");
        Function<String, String> text = text(locale);
        model.addAttribute("summary", s);
        model.addAttribute("query", query);
        model.addAttribute("drill", new Drill(query));
        model.addAttribute("ministry", reports.nationwide(actor));
        model.addAttribute("provinces", Province.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", Category.values());
        Drill drill = new Drill(query);
        model.addAttribute("charts", JSON.writeValueAsString(List.of(
                chart("severity", text.apply("findingreports.by.severity"), s.bySeverity(),
                        k -> text.apply(k.messageKey()), k -> drill.to("severity", k.name()), text),
                chart("category", text.apply("findingreports.by.category"), s.byCategory(),
                        k -> text.apply(k.messageKey()), k -> drill.to("category", k.name()), text),
                chart("age", text.apply("findingreports.by.age"), s.byAge(), k -> text.apply(k.messageKey()),
                        k -> drill.to("age", k.name()), text),
                chart("daysOverdue", text.apply("findingreports.by.daysOverdue"), s.byDaysOverdue(),
                        k -> text.apply(k.messageKey()), k -> drill.to("overdueFor", k.name()), text))));
        return "finding/summary";
    }

    @GetMapping("/findings/summary.xlsx")
    ResponseEntity<byte[]> summaryExport(Actor actor, @RequestParam(required = false) String province,
            @RequestParam(required = false) Long operator, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String campaign,
            Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.exportSummary(actor, query(actor, province, operator, severity, category, campaign, null), out,
                text(locale));
        return xlsx(out, "findings-summary.xlsx");
    }

    @GetMapping("/findings/overdue")
    String overdue(Actor actor, @RequestParam(required = false) String province,
            @RequestParam(required = false) Long operator, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String overdueFor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "daysOverdue") String sort, @RequestParam(defaultValue = "false") boolean asc,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        FindingReports.ReportQuery query = query(actor, province, operator, severity, category, campaign, overdueFor);
        model.addAttribute("result", reports.overdue(actor, query,
                new PageRequest(page, 20, sort, asc, Keyset.parse(after)), "page"));
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("asc", asc);
        model.addAttribute("ministry", reports.nationwide(actor));
        model.addAttribute("provinces", Province.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("ages", AgeBucket.values());
        return htmx != null ? "finding/overdue :: results" : "finding/overdue";
    }

    @GetMapping("/findings/overdue.xlsx")
    ResponseEntity<byte[]> overdueExport(Actor actor, @RequestParam(required = false) String province,
            @RequestParam(required = false) Long operator, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String overdueFor, @RequestParam(defaultValue = "daysOverdue") String sort,
            @RequestParam(defaultValue = "false") boolean asc, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.exportOverdue(actor, query(actor, province, operator, severity, category, campaign, overdueFor), sort,
                asc, out, text(locale));
        return xlsx(out, "overdue-rectifications.xlsx");
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Builds the filter; unknown values are ignored, as the register's filters do. */
    FindingReports.ReportQuery query(Actor actor, String province, Long operator, String severity,
            String category, String campaign, String overdueFor) {
        if (!reports.mayReport(actor)) {
            throw new NotFoundException("finding report", 0);
        }
        String p = province == null || province.isBlank() ? null
                : Province.ofCode(province.strip()).map(Province::code).orElse(null);
        return new FindingReports.ReportQuery(p, operator, FindingPages.lenient(severity, Severity.class),
                FindingPages.lenient(category, Category.class), blankToNull(campaign),
                FindingPages.lenient(overdueFor, AgeBucket.class));
    }

    /** Links into the register (/findings) with the summary's filter plus one more. */
    static final class Drill {

        private final FindingReports.ReportQuery query;

        Drill(FindingReports.ReportQuery query) {
            this.query = query;
        }

        /** The register filtered like the summary and by {@code name=value} (repeatable: name, value, name, value…). */
        public String to(String... pairs) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("province", query.province());
            params.put("operator", query.organisationId());
            params.put("severity", query.severity() == null ? null : query.severity().name());
            params.put("category", query.category() == null ? null : query.category().name());
            params.put("campaign", query.campaign());
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                params.put(pairs[i], pairs[i + 1]);
            }
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/findings");
            params.forEach((k, v) -> {
                if (v != null) {
                    b.queryParam(k, v);
                }
            });
            return b.encode().build().toUriString();
        }

        /** The register limited to one operator (and the summary's other filters). */
        public String operator(Long id, String... pairs) {
            List<String> all = new ArrayList<>(List.of("operator", String.valueOf(id)));
            all.addAll(List.of(pairs));
            return to(all.toArray(String[]::new));
        }

        /**
         * The register limited to one province (and the summary's other filters); operators without a province (a
         * group company) sum into a row without a code, which links without a province.
         */
        public String province(String code, String... pairs) {
            List<String> all = new ArrayList<>(Arrays.asList("province", code));
            all.addAll(List.of(pairs));
            return to(all.toArray(String[]::new));
        }
    }

    /** One chart's data for findingreports.js: title, labels, series (total, unresolved, overdue) and drill-down links. */
    private static <K> Map<String, Object> chart(String id, String title, List<FindingReports.Count<K>> counts,
            Function<K, String> label, Function<K, String> link, Function<String, String> text) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("labels", counts.stream().map(c -> label.apply(c.key())).toList());
        chart.put("links", counts.stream().map(c -> link.apply(c.key())).toList());
        boolean overdueOnly = "daysOverdue".equals(id);
        chart.put("names", overdueOnly ? List.of(text.apply("findingreports.field.overdue"))
                : List.of(text.apply("findingreports.field.resolved"), text.apply("findingreports.field.unresolvedOnTime"),
                        text.apply("findingreports.field.overdue")));
        chart.put("series", overdueOnly ? List.of(counts.stream().map(FindingReports.Count::overdue).toList())
                : List.of(counts.stream().map(c -> c.total() - c.unresolved()).toList(),
                        counts.stream().map(c -> c.unresolved() - c.overdue()).toList(),
                        counts.stream().map(FindingReports.Count::overdue).toList()));
        return chart;
    }

    private Function<String, String> text(Locale locale) {
        return key -> messages.getMessage(key, null, key, locale);
    }

    static ResponseEntity<byte[]> xlsx(ByteArrayOutputStream out, String filename) {
        return XlsxExport.download(out, filename);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
