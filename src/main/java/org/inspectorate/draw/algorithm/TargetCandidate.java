package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One candidate inspection target (a network unit, 通信网络单元) as frozen in a pool snapshot.
 *
 * @param id             stable identifier of the target; the snapshot is sorted by it
 * @param operatorId     organisation id of the operator (网络运行单位) running the target
 * @param operatorType   operator type code, e.g. {@code VALUE_ADDED_TELECOM}
 * @param province       province code, e.g. {@code 44}
 * @param networkCategory network category code
 * @param gradeLevel     grade level code ({@code 1}, {@code 2}, {@code 3.1}, {@code 3.2}, {@code 4}, {@code 5})
 * @param lastInspected  the day the operator's latest spot check (on any of its units) started, counting only those
 *                       started before the draw date; {@code null} if none
 * @param attributes     further codes quotas may stratify on ({@code attributes.<name>})
 */
public record TargetCandidate(String id, String operatorId, String operatorType, String province,
        String networkCategory, String gradeLevel, LocalDate lastInspected, Map<String, String> attributes) {

    /** The fields a quota may match and stratify on, besides {@code attributes.<name>}. */
    static final Set<String> FIELDS =
            Set.of("operatorId", "operatorType", "province", "networkCategory", "gradeLevel");

    private static final Map<String, String> NO_ATTRIBUTES = Collections.unmodifiableMap(new TreeMap<>());

    public TargetCandidate {
        Checks.code(id, "target id");
        Checks.code(operatorId, "target", id, "operatorId");
        Checks.code(operatorType, "target", id, "operatorType");
        Checks.code(province, "target", id, "province");
        Checks.code(networkCategory, "target", id, "networkCategory");
        Checks.code(gradeLevel, "target", id, "gradeLevel");
        if (attributes == null) {
            Checks.required(attributes, "target " + id + " attributes");
        }
        if (attributes.isEmpty()) {
            attributes = NO_ATTRIBUTES;
        } else if (attributes.size() == 1) { // the common case, and one entry is in order
            Map.Entry<String, String> only = attributes.entrySet().iterator().next();
            attributes = Map.of(attribute(only.getKey(), id, "name"), attribute(only.getValue(), id, only.getKey()));
        } else {
            TreeMap<String, String> copy = new TreeMap<>();
            attributes.forEach((k, v) -> copy.put(attribute(k, id, "name"), attribute(v, id, k)));
            attributes = Collections.unmodifiableMap(copy);
        }
    }

    public TargetCandidate(String id, String operatorId, String operatorType, String province,
            String networkCategory, String gradeLevel, LocalDate lastInspected) {
        this(id, operatorId, operatorType, province, networkCategory, gradeLevel, lastInspected, Map.of());
    }

    /** An attribute's name or value, checked as a code; the message is spelled out only when the check fails. */
    private static String attribute(String code, String id, String what) {
        if (!Checks.isCode(code)) {
            Checks.code(code, "target " + id + " attribute " + what);
        }
        return code;
    }

    /**
     * The value of a quota field for this target, or {@code null} when the target has no such attribute.
     */
    String field(String name) {
        switch (name) {
            case "operatorId":
                return operatorId;
            case "operatorType":
                return operatorType;
            case "province":
                return province;
            case "networkCategory":
                return networkCategory;
            case "gradeLevel":
                return gradeLevel;
            default:
                if (name.startsWith("attributes.")) {
                    return attributes.get(name.substring("attributes.".length()));
                }
                throw new IllegalArgumentException("unknown target field " + name);
        }
    }

    static boolean isField(String name) {
        return FIELDS.contains(name) || (name.startsWith("attributes.") && name.length() > "attributes.".length());
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("operatorId", operatorId);
        m.put("operatorType", operatorType);
        m.put("province", province);
        m.put("networkCategory", networkCategory);
        m.put("gradeLevel", gradeLevel);
        m.put("lastInspected", lastInspected);
        m.put("attributes", attributes);
        return m;
    }
}
