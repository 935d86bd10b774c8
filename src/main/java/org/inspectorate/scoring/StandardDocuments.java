package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.scoring.ScoringStandard.Category;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.inspectorate.scoring.ScoringStandard.ItemKind;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a scoring standard's JSON document (the import format, as the shipped examples in
 * {@code classpath:scoring/examples/}). Every problem is reported on the field {@code document}, naming the path
 * inside the document ({@code categories[1].items[0].points}), so that an officer can fix the file; a document
 * with any problem is refused whole. Plain Java.
 */
final class StandardDocuments {

    static final String FIELD = "document";
    /** The largest document accepted, in characters. */
    static final int MAX_CHARS = 500_000;
    private static final int MAX_ITEMS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StandardDocuments() {
    }

    /** The standard {@code text} describes, as version {@code version}; invalid input naming every problem. */
    static ScoringStandard read(String text, int version) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(FIELD, "scoring.standard.empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidInputException(FIELD, "scoring.standard.tooLarge", MAX_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException(FIELD, "scoring.standard.json");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(FIELD, "scoring.standard.json");
        }
        Reader r = new Reader();
        ScoringStandard standard = r.standard(root, version);
        if (!r.problems.isEmpty()) {
            throw new InvalidInputException(r.problems.size() > 20 ? r.problems.subList(0, 20) : r.problems);
        }
        return standard;
    }

    /** The canonical text of a document (compact JSON), as stored and hashed. */
    static String canonical(String text) {
        try {
            return JSON.writeValueAsString(JSON.readTree(text));
        } catch (JacksonException e) {
            throw new InvalidInputException(FIELD, "scoring.standard.json");
        }
    }

    private static final class Reader {
        final List<FieldProblem> problems = new ArrayList<>();
        final Set<String> itemCodes = new HashSet<>();
        int itemCount;

        ScoringStandard standard(JsonNode root, int version) {
            String code = text(root, "code", "code", 60);
            if (code != null && !code.matches("[A-Z][A-Z0-9_]{1,59}")) {
                problem("scoring.standard.code", "code");
            }
            String title = text(root, "title", "title", 300);
            Set<OrganisationType> types = operatorTypes(root.get("operatorTypes"));
            BigDecimal vetoFloor = root.has("vetoFloor") ? number(root.get("vetoFloor"), "vetoFloor") : BigDecimal.ZERO;
            List<Category> categories = new ArrayList<>();
            JsonNode cats = root.get("categories");
            if (cats == null || !cats.isArray() || cats.isEmpty()) {
                problem("scoring.standard.required", "categories");
            } else {
                for (int i = 0; i < cats.size(); i++) {
                    categories.add(category(cats.get(i), "categories[" + i + "]"));
                }
            }
            if (vetoFloor != null && vetoFloor.signum() < 0) {
                problem("scoring.standard.negative", "vetoFloor");
            }
            return new ScoringStandard(code == null ? "" : code, version, title, root.path("example").asBoolean(false),
                    types, vetoFloor == null ? BigDecimal.ZERO : vetoFloor, categories);
        }

        private Set<OrganisationType> operatorTypes(JsonNode node) {
            Set<OrganisationType> types = EnumSet.noneOf(OrganisationType.class);
            if (node == null || !node.isArray() || node.isEmpty()) {
                problem("scoring.standard.required", "operatorTypes");
                return types;
            }
            for (int i = 0; i < node.size(); i++) {
                String name = node.get(i).asString("");
                try {
                    OrganisationType t = OrganisationType.valueOf(name);
                    if (!t.isOperator()) {
                        throw new IllegalArgumentException(name);
                    }
                    types.add(t);
                } catch (IllegalArgumentException e) {
                    problem("scoring.standard.operatorType", "operatorTypes[" + i + "]");
                }
            }
            return types;
        }

        private Category category(JsonNode node, String path) {
            String code = text(node, "code", path + ".code", 40);
            String title = text(node, "title", path + ".title", 300);
            List<Item> items = new ArrayList<>();
            JsonNode list = node.get("items");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem("scoring.standard.required", path + ".items");
            } else {
                for (int i = 0; i < list.size() && itemCount < MAX_ITEMS; i++, itemCount++) {
                    items.add(item(list.get(i), path + ".items[" + i + "]"));
                }
                if (itemCount >= MAX_ITEMS) {
                    problem("scoring.standard.tooManyItems", path + ".items");
                }
            }
            return new Category(code, title, items);
        }

        private Item item(JsonNode node, String path) {
            String code = text(node, "code", path + ".code", 40);
            if (code != null && !itemCodes.add(code)) {
                problem("scoring.standard.duplicate", path + ".code");
            }
            String title = text(node, "title", path + ".title", 1000);
            String method = node.path("method").asString("");
            ItemKind kind = null;
            try {
                kind = ItemKind.valueOf(node.path("kind").asString(""));
            } catch (IllegalArgumentException e) {
                problem("scoring.standard.kind", path + ".kind");
            }
            BigDecimal points = node.has("points") ? number(node.get("points"), path + ".points") : BigDecimal.ZERO;
            BigDecimal deduction = BigDecimal.ZERO;
            BigDecimal floor = BigDecimal.ZERO;
            List<BigDecimal> fractions = new ArrayList<>();
            if (kind == ItemKind.DEDUCTION) {
                deduction = number(node.get("deduction"), path + ".deduction");
                floor = node.has("floor") ? number(node.get("floor"), path + ".floor") : BigDecimal.ZERO;
                if (deduction != null && deduction.signum() <= 0) {
                    problem("scoring.standard.positive", path + ".deduction");
                }
                if (floor != null && points != null && (floor.signum() < 0 || floor.compareTo(points) > 0)) {
                    problem("scoring.standard.floor", path + ".floor");
                }
            } else if (kind == ItemKind.FRACTION) {
                fractions = fractions(node.get("fractions"), points, path + ".fractions");
            } else if (kind == ItemKind.VETO && points != null && points.signum() != 0) {
                problem("scoring.standard.vetoPoints", path + ".points");
            }
            if (kind != ItemKind.VETO && points != null && points.signum() <= 0) {
                problem("scoring.standard.positive", path + ".points");
            }
            return new Item(code, title, method, kind, points == null ? BigDecimal.ZERO : points,
                    deduction == null ? BigDecimal.ZERO : deduction, floor == null ? BigDecimal.ZERO : floor, fractions);
        }

        private List<BigDecimal> fractions(JsonNode node, BigDecimal points, String path) {
            List<BigDecimal> fractions = new ArrayList<>();
            if (node == null || !node.isArray() || node.size() < 2) {
                problem("scoring.standard.fractions", path);
                return fractions;
            }
            for (int i = 0; i < node.size(); i++) {
                BigDecimal f = number(node.get(i), path + "[" + i + "]");
                if (f == null) {
                    continue;
                }
                boolean ascending = fractions.isEmpty() || f.compareTo(fractions.get(fractions.size() - 1)) > 0;
                boolean exact = points == null || points.multiply(f).stripTrailingZeros().scale() <= 2;
                if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0 || !ascending || !exact) {
                    problem("scoring.standard.fractions", path + "[" + i + "]");
                }
                fractions.add(f);
            }
            return fractions;
        }

        private String text(JsonNode node, String name, String path, int max) {
            String value = node == null ? "" : node.path(name).asString("").strip();
            if (value.isEmpty()) {
                problem("scoring.standard.required", path);
                return null;
            }
            if (value.length() > max) {
                problem("scoring.standard.tooLong", path);
            }
            return value;
        }

        private BigDecimal number(JsonNode node, String path) {
            if (node == null || !node.isNumber()) {
                problem("scoring.standard.number", path);
                return null;
            }
            BigDecimal value = node.decimalValue();
            if (value.stripTrailingZeros().scale() > 4 || value.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
                problem("scoring.standard.number", path);
                return null;
            }
            return value;
        }

        private void problem(String code, String path) {
            problems.add(new FieldProblem(FIELD, code, path));
        }
    }
}
