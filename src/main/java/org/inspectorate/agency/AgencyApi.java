package org.inspectorate.agency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agencies and inspectors over REST: the same service as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agencies", description = "Testing agencies (专业技术机构), inspectors, vetting and commitments")
class AgencyApi {

    private final Agencies agencies;

    AgencyApi(Agencies agencies) {
        this.agencies = agencies;
    }

    @GetMapping("/agencies")
    @Operation(summary = "Testing agencies, searchable and paged")
    PageResult<AgencySummary> list(Actor actor, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "asc") String dir) {
        return agencies.list(actor, q, new PageRequest(page, size, sort, "asc".equals(dir)));
    }

    @GetMapping("/agencies/{id}")
    @Operation(summary = "One agency")
    AgencySummary agency(Actor actor, @PathVariable long id) {
        return agencies.agency(actor, id);
    }

    @GetMapping("/agencies/{id}/inspectors")
    @Operation(summary = "The agency's inspectors")
    List<Inspector> inspectors(Actor actor, @PathVariable long id) {
        return agencies.inspectors(actor, id);
    }

    @PostMapping("/agencies/{id}/inspectors")
    @Operation(summary = "Register an INSPECTOR account of the agency as inspector with skills")
    Inspector register(Actor actor, @PathVariable long id, @RequestBody InspectorRequest body) {
        return agencies.registerInspector(actor, id, body.userId(), body.skills());
    }

    @PostMapping("/agencies/{id}/relations")
    @Operation(summary = "Record that the agency evaluated or advised an organisation")
    OperatorRelation relation(Actor actor, @PathVariable long id, @RequestBody Map<String, String> body) {
        return agencies.addRelation(actor, id, body.get("organisationId"), body.get("kind"), body.get("relatedOn"));
    }

    @GetMapping("/inspectors/{id}")
    @Operation(summary = "One inspector with skills, employment, conflicts, vettings and commitments")
    Inspector inspector(Actor actor, @PathVariable long id) {
        return agencies.inspector(actor, id);
    }

    @PostMapping("/inspectors/{id}/vettings")
    @Operation(summary = "Record a vetting (审查) by the signed-in officer")
    Inspector vet(Actor actor, @PathVariable long id, @RequestBody Map<String, String> body) {
        return agencies.vet(actor, id, body.get("vettedOn"), body.get("validUntil"), body.get("remarks"));
    }

    @GetMapping("/inspectors/eligible")
    @Operation(summary = "The eligible inspector pool on a day (yyyy-MM-dd)")
    List<EligibleInspector> eligible(Actor actor, @RequestParam String on) {
        agencies.list(actor, null, PageRequest.first(1));
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        LocalDate day = Agencies.date(on, "on", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return agencies.eligiblePool(day);
    }

    /** Registration body: the account id and skill codes. */
    record InspectorRequest(String userId, List<String> skills) {
    }
}
