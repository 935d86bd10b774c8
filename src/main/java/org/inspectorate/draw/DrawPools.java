package org.inspectorate.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.EligibleInspector;
import org.inspectorate.agency.OperatorRelation;
import org.inspectorate.agency.Skill;
import org.inspectorate.draw.algorithm.AgencyRelation;
import org.inspectorate.draw.algorithm.InspectorCandidate;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.TargetCandidate;
import org.inspectorate.filing.FiledUnit;
import org.inspectorate.filing.NetworkUnits;
import org.springframework.stereotype.Component;

/**
 * Freezes a draw's pools when it is approved: the filed units its filter keeps (with the day each operator was last
 * inspected: its latest spot check started before the draw date), the eligible inspectors with the skills it wants, and the agencies' relations to operators, read
 * from the filing and agency modules across every jurisdiction, as the draw's snapshot.
 */
@Component
class DrawPools {

    private final DrawRepository repository;
    private final NetworkUnits units;
    private final Agencies agencies;

    DrawPools(DrawRepository repository, NetworkUnits units, Agencies agencies) {
        this.repository = repository;
        this.units = units;
        this.agencies = agencies;
    }

    /** The pools of a draw prepared as {@code f} (its filters; {@code null}: any), eligible on {@code today}. */
    PoolSnapshot freeze(DrawPlan f, LocalDate today) {
        Map<Long, LocalDate> last = repository.lastInspections(f.drawDate());
        List<TargetCandidate> targets = new ArrayList<>();
        for (FiledUnit u : units.filedUnitsUnscoped()) {
            if (u.provinceCode() == null) {
                continue;
            }
            if ((f.filterProvince() != null && !f.filterProvince().equals(u.provinceCode()))
                    || (f.filterOperatorType() != null && !f.filterOperatorType().equals(u.operatorType()))
                    || (f.filterCategory() != null && !f.filterCategory().equals(u.category().name()))
                    || (f.filterGrade() != null && !f.filterGrade().equals(u.gradeLevel().code()))) {
                continue;
            }
            targets.add(new TargetCandidate(Long.toString(u.unitId()), Long.toString(u.organisationId()),
                    u.operatorType(), u.provinceCode(), u.category().name(), u.gradeLevel().code(),
                    last.get(u.organisationId())));
        }
        Set<String> wanted = f.inspectorSkills() == null || f.inspectorSkills().isBlank() ? Set.of()
                : Set.of(f.inspectorSkills().split(","));
        List<InspectorCandidate> inspectors = new ArrayList<>();
        for (EligibleInspector e : agencies.eligiblePool(today)) {
            Set<String> skills = e.skills().stream().map(Skill::name).collect(Collectors.toSet());
            if (!wanted.isEmpty() && skills.stream().noneMatch(wanted::contains)) {
                continue;
            }
            inspectors.add(new InspectorCandidate(Long.toString(e.userId()), Long.toString(e.agencyId()), skills,
                    e.employment().stream().map(m -> new InspectorCandidate.Employment(Long.toString(m.organisationId()),
                            m.from(), m.until())).toList(),
                    e.declaredConflicts().stream().map(o -> InspectorCandidate.operatorConflict(Long.toString(o)))
                            .collect(Collectors.toSet()),
                    e.vettingValidUntil(), e.commitmentValidUntil()));
        }
        List<AgencyRelation> relations = new ArrayList<>();
        for (OperatorRelation r : agencies.relationsUnscoped()) {
            relations.add(new AgencyRelation(Long.toString(r.agencyId()), Long.toString(r.organisationId()),
                    r.relatedOn(), r.kind().name()));
        }
        return new PoolSnapshot(targets, inspectors, relations);
    }
}
