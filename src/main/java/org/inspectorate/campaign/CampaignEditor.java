package org.inspectorate.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Changes a campaign definition's text (方案编辑) the way the pages do — copying it to another year, or setting
 * fields from a form — and hands back new text, which the caller parses with {@link CampaignParser} like any
 * uploaded file: a form edit is validated by the same code, and its problems carry the same field paths
 * ({@code deadlines[0].due}), which are also the form's field names. Plain Java. The file's comments are not
 * kept (the tree is written anew).
 */
final class CampaignEditor {

    /** The sections the pages edit as YAML of their own. */
    static final List<String> SECTIONS = List.of("checklist", "scoring", "sampling");
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,8})");
    private static final Pattern DEADLINE_FIELD = Pattern.compile("deadlines\\[(\\d{1,3})]\\.(due|recipient)");

    /**
     * The definition moved to {@code year}: code, year and title replaced, every deadline's due date moved by
     * the same number of years (29 February becomes 28 February), and then by one year more where it would fall
     * before {@code notBefore} (null: never), which the schema allows (a due date may be in the following year).
     */
    String copy(String text, String code, String year, String titleZh, String titleEn, LocalDate notBefore) {
        Map<String, Object> root = root(text);
        Integer from = root.get("year") instanceof Integer y ? y : null;
        Object to = number(year);
        root.put("code", blankToNull(code));
        root.put("year", to);
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("zh", blankToNull(titleZh));
        title.put("en", blankToNull(titleEn));
        root.put("title", title);
        if (from != null && to instanceof Integer target) {
            for (Map<String, Object> deadline : maps(root.get("deadlines"))) {
                deadline.computeIfPresent("due", (k, due) -> moved(due, target - from, notBefore));
            }
        }
        return dump(root);
    }

    /**
     * The definition with the form's fields set: {@code title.zh}, {@code title.en}, {@code reference},
     * {@code year}, {@code deadlines[i].due}, {@code deadlines[i].recipient}, and the sections {@link #SECTIONS}
     * as YAML text each. A section that is not YAML fails here, under the section's name; everything else is
     * for the parser to judge.
     */
    String edit(String text, Map<String, String> fields) {
        Map<String, Object> root = root(text);
        List<FieldProblem> problems = new ArrayList<>();
        fields.forEach((field, value) -> set(root, field, value, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return dump(root);
    }

    /** Each section of {@link #SECTIONS} as the YAML text the edit form shows. */
    Map<String, String> sections(String text) {
        Map<String, Object> root = root(text);
        Map<String, String> sections = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            Object value = root.get(section);
            sections.put(section, value == null ? "" : dump(value));
        }
        return sections;
    }

    private void set(Map<String, Object> root, String field, String value, List<FieldProblem> problems) {
        switch (field) {
            case "title.zh", "title.en" -> {
                Map<String, Object> title = root.get("title") instanceof Map<?, ?> t ? cast(t) : new LinkedHashMap<>();
                title.put(field.substring(6), blankToNull(value));
                root.put("title", title);
            }
            case "reference" -> root.put("reference", blankToNull(value));
            case "year" -> root.put("year", number(value));
            default -> {
                if (SECTIONS.contains(field)) {
                    setSection(root, field, value, problems);
                    return;
                }
                var m = DEADLINE_FIELD.matcher(field);
                List<Map<String, Object>> deadlines = maps(root.get("deadlines"));
                if (m.matches() && Integer.parseInt(m.group(1)) < deadlines.size()) {
                    deadlines.get(Integer.parseInt(m.group(1))).put(m.group(2), blankToNull(value));
                }
            }
        }
    }

    private static void setSection(Map<String, Object> root, String section, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            root.remove(section);
            return;
        }
        try {
            root.put(section, TypedYaml.load(value, CampaignParser.MAX_BYTES));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(section, p.code(), p.args())));
        }
    }

    private static Object moved(Object due, int years, LocalDate notBefore) {
        try {
            LocalDate date = LocalDate.parse(String.valueOf(due)).plusYears(years);
            if (notBefore != null && date.isBefore(notBefore)) {
                date = date.plusYears(1);
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            return due; // the parser names the bad date
        }
    }

    private static Map<String, Object> root(String text) {
        Object root = TypedYaml.load(text, CampaignParser.MAX_BYTES);
        if (!(root instanceof Map<?, ?> m)) {
            throw new InvalidInputException(null, "campaign.file.notMapping", TypedYaml.show(root));
        }
        return cast(m);
    }

    private static List<Map<String, Object>> maps(Object list) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    maps.add(cast(m));
                }
            }
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** A whole number as a number (as YAML would read it), anything else as text for the parser to refuse. */
    private static Object number(String value) {
        String v = value == null ? "" : value.strip();
        return INTEGER.matcher(v).matches() ? Integer.valueOf(v) : blankToNull(v);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String dump(Object tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(200);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(tree);
    }
}
