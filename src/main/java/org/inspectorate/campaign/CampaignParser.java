package org.inspectorate.campaign;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.InvalidInputException;

/**
 * Reads a campaign definition file (YAML, or JSON, which is YAML too) into a {@link CampaignDefinition}.
 * Plain Java, no Spring. It never stops at the first problem: it collects every one, each naming the
 * field path ({@code deadlines[0].due}) and the offending value, and throws them together. The hardened
 * loading and the typed reads of fields are {@link TypedYaml}'s; this class knows the campaign's sections.
 */
final class CampaignParser {

    /** Largest definition accepted, in bytes (the 2018 campaign is about 30 KB). */
    static final int MAX_BYTES = 256 * 1024;

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final int MAX_TEXT = 1000;

    private static final Set<String> ROOT_KEYS = Set.of("schema", "code", "year", "title", "reference", "basis",
            "focusObjects", "operatorTypes", "spotCheckMethods", "checklist", "deadlines", "sla", "sampling",
            "scoring");

    /** Parses UTF-8 bytes, checking size and encoding first. */
    CampaignDefinition parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(null, "campaign.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(null, "campaign.file.tooLarge", String.valueOf(content.length / 1024),
                    String.valueOf(MAX_BYTES / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(null, "campaign.file.notUtf8");
        }
        return parse(text);
    }

    /** Parses text; every problem found is reported in one {@link InvalidInputException}. */
    CampaignDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(null, "campaign.file.empty");
        }
        if (text.length() > MAX_BYTES) {
            throw new InvalidInputException(null, "campaign.file.tooLarge", String.valueOf(text.length() / 1024),
                    String.valueOf(MAX_BYTES / 1024));
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(null, "campaign.file.binary");
        }
        Object root = TypedYaml.load(text.startsWith("\uFEFF") ? text.substring(1) : text, MAX_BYTES);
        Reader r = new Reader();
        CampaignDefinition definition = r.definition(root);
        if (!r.problems.isEmpty()) {
            throw new InvalidInputException(r.problems);
        }
        return definition;
    }

    /** Reads the campaign's sections from the loaded tree, building records and collecting problems. */
    private static final class Reader extends TypedYaml {

        private final Set<String> checklistItemIds = new HashSet<>();

        CampaignDefinition definition(Object root) {
            Map<String, Object> m = map(root, "");
            if (m == null) {
                return null;
            }
            unknownKeys(m, "", ROOT_KEYS);
            Object schema = m.get("schema");
            if (schema != null && !Integer.valueOf(1).equals(schema)) {
                problem("schema", "campaign.schema.unsupported", show(schema));
            }
            String code = string(m, "code", "", true, 40);
            if (code != null && !CODE.matcher(code).matches()) {
                problem("code", "campaign.code.pattern", show(code));
            }
            Integer year = integer(m, "year", "", true, 2000, 2100);
            LocalizedText title = text(m, "title", "", true, 200);
            String reference = string(m, "reference", "", false, 200);

            List<LegalBasis> basis = list(m, "basis", "", true, (v, p) -> legalBasis(v, p));
            Map<String, LegalBasis> basisById = new HashMap<>();
            uniqueIds(basis, LegalBasis::id, "basis", (b, i) -> basisById.put(b.id(), b));

            List<FocusObject> focus = list(m, "focusObjects", "", true, (v, p) -> {
                Map<String, Object> f = map(v, p);
                if (f == null) {
                    return null;
                }
                unknownKeys(f, p, Set.of("id", "name"));
                String id = id(f, "id", p);
                LocalizedText name = text(f, "name", p, true, 200);
                return id == null || name == null ? null : new FocusObject(id, name);
            });
            uniqueIds(focus, FocusObject::id, "focusObjects", null);

            List<OrganisationType> operatorTypes = list(m, "operatorTypes", "", true,
                    (v, p) -> organisationType(v, p, true));
            duplicates(operatorTypes, "operatorTypes");

            List<CheckMethod> methods = list(m, "spotCheckMethods", "", false,
                    (v, p) -> enumValue(CheckMethod.class, v, p));
            duplicates(methods, "spotCheckMethods");

            List<ChecklistGroup> checklist = list(m, "checklist", "", true,
                    (v, p) -> group(v, p, basisById));
            uniqueIds(checklist, ChecklistGroup::id, "checklist", null);
            List<Deadline> deadlines = list(m, "deadlines", "", true, (v, p) -> deadline(v, p, year));
            uniqueIds(deadlines, Deadline::id, "deadlines", null);
            Map<String, String> routes = new HashMap<>();
            for (int d = 0; d < deadlines.size(); d++) {
                Deadline deadline = deadlines.get(d);
                for (OrganisationType type : deadline.from()) {
                    String route = deadline.kind() + "/" + type;
                    if (routes.putIfAbsent(route, deadline.id()) != null) {
                        problem(at(at("deadlines", position(deadline, d)), "from"), "campaign.deadline.duplicateRoute", type.name(),
                                deadline.kind().name(), routes.get(route));
                    }
                    if (deadline.kind() == DeadlineKind.SELF_INSPECTION_REPORT && !operatorTypes.contains(type)) {
                        problem(at(at("deadlines", position(deadline, d)), "from"), "campaign.deadline.notInScope", type.name());
                    }
                }
            }

            Map<Severity, Integer> sla = sla(m.get("sla"), "sla");

            List<SamplingRule> sampling = list(m, "sampling", "", false, (v, p) -> sampling(v, p));
            uniqueIds(sampling, SamplingRule::id, "sampling", null);

            List<ScoringStandard> scoring = list(m, "scoring", "", false, (v, p) -> scoring(v, p));
            uniqueIds(scoring, ScoringStandard::id, "scoring", null);
            Map<OrganisationType, String> scored = new EnumMap<>(OrganisationType.class);
            for (int s = 0; s < scoring.size(); s++) {
                for (OrganisationType type : scoring.get(s).appliesTo()) {
                    if (scored.putIfAbsent(type, scoring.get(s).id()) != null) {
                        problem(at(at("scoring", position(scoring.get(s), s)), "appliesTo"), "campaign.scoring.duplicateType", type.name(),
                                scored.get(type));
                    }
                }
            }

            if (!problems.isEmpty()) {
                return null;
            }
            return new CampaignDefinition(code, year, title, reference, basis, focus, operatorTypes, methods,
                    checklist, deadlines, sla, sampling, scoring);
        }

        // --- sections ---------------------------------------------------------------------

        LegalBasis legalBasis(Object v, String p) {
            Map<String, Object> b = map(v, p);
            if (b == null) {
                return null;
            }
            unknownKeys(b, p, Set.of("id", "kind", "title", "citation"));
            String id = id(b, "id", p);
            BasisKind kind = b.containsKey("kind") ? enumValue(BasisKind.class, b.get("kind"), at(p, "kind"))
                    : missing(at(p, "kind"));
            LocalizedText title = text(b, "title", p, true, 300);
            String citation = string(b, "citation", p, false, 200);
            return id == null || kind == null || title == null ? null
                    : new LegalBasis(id, kind, title, citation == null ? "" : citation);
        }

        ChecklistGroup group(Object v, String p, Map<String, LegalBasis> basis) {
            Map<String, Object> g = map(v, p);
            if (g == null) {
                return null;
            }
            unknownKeys(g, p, Set.of("id", "title", "items"));
            String id = id(g, "id", p);
            LocalizedText title = text(g, "title", p, true, 200);
            List<ChecklistItem> items = list(g, "items", p, true, (iv, ip) -> item(iv, ip, id, basis));
            return id == null || title == null ? null : new ChecklistGroup(id, title, items);
        }

        ChecklistItem item(Object v, String p, String groupId, Map<String, LegalBasis> basis) {
            Map<String, Object> i = map(v, p);
            if (i == null) {
                return null;
            }
            unknownKeys(i, p, Set.of("id", "text", "basis"));
            String id = id(i, "id", p);
            // Checked here, not on the finished list, so that a duplicate is found even when the first
            // item with that id has problems of its own.
            if (id != null && !checklistItemIds.add(id)) {
                problem(at(p, "id"), "campaign.item.duplicateId", id);
            }
            LocalizedText text = text(i, "text", p, true, MAX_TEXT);
            List<BasisReference> refs = List.of();
            Object raw = i.get("basis");
            if (raw == null || (raw instanceof List<?> l && l.isEmpty())) {
                problem(at(p, "basis"), "campaign.item.noBasis", id == null ? "" : id);
            } else {
                refs = list(i, "basis", p, true, (rv, rp) -> reference(rv, rp, basis));
            }
            return id == null || text == null || refs.isEmpty() ? null : new ChecklistItem(id, groupId, text, refs);
        }

        BasisReference reference(Object v, String p, Map<String, LegalBasis> basis) {
            String ref;
            String clause = "";
            if (v instanceof Map) {
                Map<String, Object> r = map(v, p);
                unknownKeys(r, p, Set.of("ref", "clause"));
                ref = string(r, "ref", p, true, 40);
                String c = string(r, "clause", p, false, 100);
                clause = c == null ? "" : c;
                p = at(p, "ref");
            } else if (v instanceof String s) {
                ref = s.strip();
            } else {
                problem(p, "campaign.field.type", show(v), "string");
                return null;
            }
            if (ref == null) {
                return null;
            }
            LegalBasis b = basis.get(ref);
            if (b == null) {
                problem(p, "campaign.basis.unknownRef", show(ref));
                return null;
            }
            return new BasisReference(b.id(), b.kind(), clause);
        }

        Deadline deadline(Object v, String p, Integer year) {
            Map<String, Object> d = map(v, p);
            if (d == null) {
                return null;
            }
            unknownKeys(d, p, Set.of("id", "kind", "from", "recipient", "due", "title"));
            String id = id(d, "id", p);
            DeadlineKind kind = d.containsKey("kind") ? enumValue(DeadlineKind.class, d.get("kind"), at(p, "kind"))
                    : missing(at(p, "kind"));
            List<OrganisationType> from = list(d, "from", p, true, (tv, tp) -> organisationType(tv, tp, false));
            duplicates(from, at(p, "from"));
            Recipient recipient = d.containsKey("recipient")
                    ? enumValue(Recipient.class, d.get("recipient"), at(p, "recipient"))
                    : missing(at(p, "recipient"));
            LocalDate due = date(d, "due", p);
            if (due != null && year != null && (due.getYear() < year || due.getYear() > year + 1)) {
                problem(at(p, "due"), "campaign.deadline.outsideYear", due.toString(), String.valueOf(year));
            }
            LocalizedText title = text(d, "title", p, true, 200);
            return id == null || kind == null || from.isEmpty() || recipient == null || due == null || title == null
                    ? null : new Deadline(id, kind, from, recipient, due, title);
        }

        Map<Severity, Integer> sla(Object v, String p) {
            Map<Severity, Integer> days = new EnumMap<>(Severity.class);
            if (v == null) {
                problem(p, "campaign.field.required");
                return days;
            }
            Map<String, Object> m = map(v, p);
            if (m == null) {
                return days;
            }
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Severity severity = enumValue(Severity.class, e.getKey(), at(p, e.getKey()));
                Integer n = integerValue(e.getValue(), at(p, e.getKey()), 1, 3650);
                if (severity != null && n != null) {
                    days.put(severity, n);
                }
            }
            for (Severity s : Severity.values()) {
                if (!m.containsKey(s.name())) {
                    problem(at(p, s.name()), "campaign.field.required");
                }
            }
            return days;
        }

        SamplingRule sampling(Object v, String p) {
            Map<String, Object> s = map(v, p);
            if (s == null) {
                return null;
            }
            unknownKeys(s, p, Set.of("id", "scope", "drawnBy", "target", "minimum", "all", "description"));
            String id = id(s, "id", p);
            SamplingScope scope = s.containsKey("scope")
                    ? enumValue(SamplingScope.class, s.get("scope"), at(p, "scope")) : missing(at(p, "scope"));
            OrganisationType drawnBy = s.containsKey("drawnBy")
                    ? organisationType(s.get("drawnBy"), at(p, "drawnBy"), false) : missing(at(p, "drawnBy"));
            if (drawnBy != null && !drawnBy.isRegulator()) {
                problem(at(p, "drawnBy"), "campaign.sampling.notRegulator", drawnBy.name());
            }
            OrganisationType target = s.containsKey("target")
                    ? organisationType(s.get("target"), at(p, "target"), true) : missing(at(p, "target"));
            Integer minimum = integer(s, "minimum", p, false, 1, 10_000);
            Boolean all = bool(s, "all", p);
            boolean everyone = Boolean.TRUE.equals(all);
            if (minimum == null && !everyone && !s.containsKey("minimum")) {
                problem(at(p, "minimum"), "campaign.sampling.quotaRequired");
            }
            if (minimum != null && everyone) {
                problem(at(p, "all"), "campaign.sampling.quotaConflict", String.valueOf(minimum));
            }
            LocalizedText description = text(s, "description", p, true, 500);
            return id == null || scope == null || drawnBy == null || target == null || description == null
                    || (minimum == null && !everyone) ? null
                    : new SamplingRule(id, scope, drawnBy, target, minimum, everyone, description);
        }

        ScoringStandard scoring(Object v, String p) {
            Map<String, Object> s = map(v, p);
            if (s == null) {
                return null;
            }
            int problemsBefore = problems.size();
            unknownKeys(s, p, Set.of("id", "title", "appliesTo", "totalPoints", "categories"));
            String id = id(s, "id", p);
            LocalizedText title = text(s, "title", p, true, 200);
            List<OrganisationType> appliesTo = list(s, "appliesTo", p, true,
                    (tv, tp) -> organisationType(tv, tp, true));
            duplicates(appliesTo, at(p, "appliesTo"));
            BigDecimal total = s.containsKey("totalPoints") ? decimal(s.get("totalPoints"), at(p, "totalPoints")) : null;
            List<ScoringCategory> categories = list(s, "categories", p, true, (cv, cp) -> category(cv, cp));
            uniqueIds(categories, ScoringCategory::id, at(p, "categories"), null);
            Set<String> itemIds = new HashSet<>();
            for (int c = 0; c < categories.size(); c++) {
                List<ScoringItem> items = categories.get(c).items();
                for (int i = 0; i < items.size(); i++) {
                    if (!itemIds.add(items.get(i).id())) {
                        problem(at(at(at(at(p, "categories"), position(categories.get(c), c)), "items"),
                                position(items.get(i), i)) + ".id", "campaign.id.duplicate",
                                items.get(i).id());
                    }
                }
            }
            ScoringStandard standard = id == null || title == null || appliesTo.isEmpty() ? null
                    : new ScoringStandard(id, title, appliesTo, categories);
            // Totals are compared only when every item was read: a dropped item would make the sum meaningless.
            if (standard != null && total != null && problems.size() == problemsBefore
                    && standard.totalPoints().compareTo(total) != 0) {
                problem(at(p, "totalPoints"), "campaign.scoring.totalMismatch", total.toPlainString(),
                        standard.totalPoints().toPlainString());
            }
            return standard;
        }

        ScoringCategory category(Object v, String p) {
            Map<String, Object> c = map(v, p);
            if (c == null) {
                return null;
            }
            unknownKeys(c, p, Set.of("id", "title", "items"));
            String id = id(c, "id", p);
            LocalizedText title = text(c, "title", p, true, 200);
            List<ScoringItem> items = list(c, "items", p, true, (iv, ip) -> scoringItem(iv, ip));
            return id == null || title == null ? null : new ScoringCategory(id, title, items);
        }

        ScoringItem scoringItem(Object v, String p) {
            Map<String, Object> i = map(v, p);
            if (i == null) {
                return null;
            }
            unknownKeys(i, p, Set.of("id", "requirement", "checkedBy", "points", "deduction", "veto"));
            String id = id(i, "id", p);
            LocalizedText requirement = text(i, "requirement", p, true, MAX_TEXT);
            List<CheckMethod> checkedBy = list(i, "checkedBy", p, true, (mv, mp) -> enumValue(CheckMethod.class, mv, mp));
            duplicates(checkedBy, at(p, "checkedBy"));
            boolean veto = Boolean.TRUE.equals(bool(i, "veto", p));
            BigDecimal points = i.containsKey("points") ? decimal(i.get("points"), at(p, "points"))
                    : missing(at(p, "points"));
            if (points != null && points.signum() == 0 && !veto) {
                problem(at(p, "points"), "campaign.scoring.pointsZero", points.toPlainString());
            }
            BigDecimal deduction = i.containsKey("deduction") ? decimal(i.get("deduction"), at(p, "deduction"))
                    : missing(at(p, "deduction"));
            if (points != null && deduction != null && deduction.compareTo(points) > 0) {
                problem(at(p, "deduction"), "campaign.scoring.deductionExceedsPoints", deduction.toPlainString(),
                        points.toPlainString());
            }
            return id == null || requirement == null || checkedBy.isEmpty() || points == null || deduction == null
                    ? null : new ScoringItem(id, requirement, checkedBy, points, deduction, veto);
        }

        OrganisationType organisationType(Object v, String path, boolean operatorOnly) {
            OrganisationType type = null;
            if (v instanceof String s) {
                for (OrganisationType t : OrganisationType.values()) {
                    if (t.name().equals(s.strip())) {
                        type = t;
                    }
                }
            }
            if (type == null) {
                problem(path, "campaign.organisationType.unknown", show(v));
                return null;
            }
            if (operatorOnly && !type.isOperator()) {
                problem(path, "campaign.organisationType.notOperator", type.name());
                return null;
            }
            return type;
        }
    }
}
