package org.inspectorate.filing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/** Checks a {@link UnitInput} field by field and reports every problem at once. */
final class UnitValidator {

    static final int MAX_ASSETS = 500;

    private UnitValidator() {
    }

    static UnitContent validate(UnitInput in, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(problems, "name", in.name(), 200);
        NetworkCategory category = parse(problems, "category", in.category(), NetworkCategory::parse);
        String description = optional(problems, "description", in.description(), 4000);
        String keyLocations = optional(problems, "keyLocations", in.keyLocations(), 1000);
        String person = required(problems, "responsiblePerson", in.responsiblePerson(), 100);
        String contact = required(problems, "responsibleContact", in.responsibleContact(), 100);
        GradeLevel level = parse(problems, "gradeLevel", in.gradeLevel(), GradeLevel::parse);
        String reasoning = required(problems, "gradingReasoning", in.gradingReasoning(), 4000);
        LocalDate reviewedOn = null;
        if (in.gradingReviewedOn() == null || in.gradingReviewedOn().isBlank()) {
            problems.add(new FieldProblem("gradingReviewedOn", "filing.field.required"));
        } else {
            try {
                reviewedOn = LocalDate.parse(in.gradingReviewedOn().strip());
                if (reviewedOn.isAfter(today)) {
                    problems.add(new FieldProblem("gradingReviewedOn", "filing.gradingReviewedOn.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("gradingReviewedOn", "filing.field.date", in.gradingReviewedOn()));
            }
        }
        String hardware = optional(problems, "mainHardware", in.mainHardware(), 4000);
        String security = optional(problems, "securitySystems", in.securitySystems(), 4000);
        String baseSoftware = optional(problems, "baseSoftware", in.baseSoftware(), 4000);
        String appSoftware = optional(problems, "applicationSoftware", in.applicationSoftware(), 4000);
        String protocols = optional(problems, "protocolsAndPorts", in.protocolsAndPorts(), 1000);
        LifecycleStage stage = parse(problems, "lifecycleStage", in.lifecycleStage(), LifecycleStage::parse);
        List<Asset> assets = new ArrayList<>();
        if (in.assets().size() > MAX_ASSETS) {
            problems.add(new FieldProblem("assets", "filing.assets.tooMany", MAX_ASSETS));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.assets().size(); i++) {
                AssetInput a = in.assets().get(i);
                if (a == null || (blank(a.kind()) && blank(a.value()) && blank(a.openPorts()))) {
                    continue; // an empty row of the editor
                }
                String prefix = "assets[" + i + "].";
                AssetKind kind = parse(problems, prefix + "kind", a.kind(), AssetKind::parse);
                String value = null;
                if (blank(a.value())) {
                    problems.add(new FieldProblem(prefix + "value", "filing.field.required"));
                } else if (kind != null) {
                    value = parse(problems, prefix + "value", a.value(), kind::normalise);
                }
                String ports = null;
                try {
                    ports = OpenPorts.normalise(a.openPorts());
                } catch (InvalidValueException e) {
                    problems.add(new FieldProblem(prefix + "openPorts", e.code(), e.args()));
                }
                if (kind != null && value != null) {
                    if (!seen.add(kind + " " + value)) {
                        problems.add(new FieldProblem(prefix + "value", "filing.asset.duplicate", value));
                    } else {
                        assets.add(new Asset(kind, value, ports));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new UnitContent(name, category, description, keyLocations, person, contact, level, reasoning,
                reviewedOn, hardware, security, baseSoftware, appSoftware, protocols, stage, assets);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "filing.field.required"));
            return null;
        }
        return optional(problems, field, value, max);
    }

    private static String optional(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            problems.add(new FieldProblem(field, "filing.field.tooLong", max));
            return null;
        }
        return s;
    }

    private static <T> T parse(List<FieldProblem> problems, String field, String value, Function<String, T> parser) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "filing.field.required"));
            return null;
        }
        try {
            return parser.apply(value);
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem(field, e.code(), e.args()));
            return null;
        }
    }
}
