package org.inspectorate.draw.algorithm;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A testing agency evaluated or advised an organisation on a day: its inspectors may not inspect that
 * organisation's targets within the rules' conflict look-back (回避).
 *
 * @param kind free code such as {@code EVALUATED} or {@code ADVISED}; recorded, not interpreted
 */
public record AgencyRelation(String agencyId, String organisationId, LocalDate date, String kind) {

    static final Comparator<AgencyRelation> ORDER = Comparator.comparing(AgencyRelation::agencyId)
            .thenComparing(AgencyRelation::organisationId)
            .thenComparing(AgencyRelation::date)
            .thenComparing(AgencyRelation::kind);

    public AgencyRelation {
        Checks.code(agencyId, "relation agencyId");
        Checks.code(organisationId, "relation organisationId");
        Checks.required(date, "relation date");
        Checks.code(kind, "relation kind");
    }

    Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agencyId", agencyId);
        m.put("organisationId", organisationId);
        m.put("date", date);
        m.put("kind", kind);
        return m;
    }
}
