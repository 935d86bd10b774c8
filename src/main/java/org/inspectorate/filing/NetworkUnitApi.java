package org.inspectorate.filing;

import static org.inspectorate.filing.FilterValues.strict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The REST face of {@link NetworkUnits}: the same rules and jurisdiction as the pages. Changes and
 * decisions carry the unit's {@code version} as last read; a stale one answers 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network units and filings", description = "通信网络单元定级备案")
class NetworkUnitApi {

    private final NetworkUnits units;

    NetworkUnitApi(NetworkUnits units) {
        this.units = units;
    }

    @GetMapping("/network-units")
    @Operation(summary = "List the network units the caller may see",
            description = "Operators see their organisation tree; regulators their jurisdiction. Sort keys: name, "
                    + "gradeLevel, state, category, updatedAt, submittedAt, dueOn.")
    PageResult<UnitSummaryDto> list(Actor actor,
            @Parameter(description = "DRAFT, SUBMITTED, RETURNED or FILED") @RequestParam(required = false) String state,
            @Parameter(description = "1, 2, 3.1, 3.2, 4 or 5") @RequestParam(required = false) String level,
            @RequestParam(required = false) String category, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "updatedAt") String sort, @RequestParam(defaultValue = "false") boolean asc,
            @Parameter(description = "The cursor of the next page: `next` of the previous answer") @RequestParam(required = false) String after) {
        UnitQuery query = new UnitQuery(strict(state, FilingState::parse), strict(level, GradeLevel::parse),
                strict(category, NetworkCategory::parse), q);
        return units.list(actor, query, new PageRequest(page, size, sort, asc, Keyset.parse(after)))
                .map(UnitSummaryDto::of);
    }

    @GetMapping("/network-units/{id}")
    @Operation(summary = "One network unit with its assets and filing state")
    UnitDto get(Actor actor, @PathVariable long id) {
        return UnitDto.of(units.view(actor, id));
    }

    @GetMapping("/network-units/{id}/versions")
    @Operation(summary = "Every kept version of the unit's filing, newest first")
    List<UnitVersion> versions(Actor actor, @PathVariable long id) {
        return units.viewVersions(actor, id);
    }

    @PostMapping("/network-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a network unit of the caller's organisation, as a draft")
    UnitDto create(Actor actor, @RequestBody UnitInput input) {
        return UnitDto.of(units.create(actor, input));
    }

    @PutMapping("/network-units/{id}")
    @Operation(summary = "Change a unit (a filed unit opens a change filing); 409 while it is under review")
    UnitDto update(Actor actor, @PathVariable long id,
            @Parameter(description = "the unit's version as last read") @RequestParam int version,
            @RequestBody UnitInput input) {
        return UnitDto.of(units.update(actor, id, version, input));
    }

    @PostMapping("/network-units/{id}/submit")
    @Operation(summary = "Submit the draft to the filing authority its operator's type routes it to")
    UnitDto submit(Actor actor, @PathVariable long id, @RequestParam int version) {
        return UnitDto.of(units.submit(actor, id, version));
    }

    @PostMapping("/network-units/{id}/decommission")
    @Operation(summary = "File the decommissioning (退网备案) of a filed unit; it goes to review at once")
    UnitDto decommission(Actor actor, @PathVariable long id, @RequestParam int version) {
        return UnitDto.of(units.decommission(actor, id, version));
    }

    @GetMapping("/filings/review-queue")
    @Operation(summary = "Filings waiting for the caller's authority, oldest first")
    PageResult<UnitSummaryDto> reviewQueue(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "The cursor of the next page: `next` of the previous answer") @RequestParam(required = false) String after) {
        return units.reviewQueue(actor, new PageRequest(page, size, "submittedAt", true, Keyset.parse(after)))
                .map(UnitSummaryDto::of);
    }

    @PostMapping("/filings/{id}/accept")
    @Operation(summary = "Accept a submitted filing; a first filing gets its filing number")
    UnitDto accept(Actor actor, @PathVariable long id, @RequestBody Decision decision) {
        return UnitDto.of(units.accept(actor, id, decision.version()));
    }

    @PostMapping("/filings/{id}/return")
    @Operation(summary = "Return a submitted filing for correction; reasons are required")
    UnitDto returnFiling(Actor actor, @PathVariable long id, @RequestBody Decision decision) {
        return UnitDto.of(units.returnForCorrection(actor, id, decision.version(), decision.reasons()));
    }

    /** A decision on a filing: the unit's version as last read, and the reasons of a return. */
    record Decision(int version, String reasons) {
    }

    record UnitSummaryDto(long id, long organisationId, String name, NetworkCategory category, String gradeLevel,
            FilingState state, FilingKind kind, String authorityCode, String filingNumber, LocalDate dueOn,
            Instant submittedAt, Instant updatedAt, int version) {

        static UnitSummaryDto of(NetworkUnitSummary u) {
            return new UnitSummaryDto(u.id(), u.organisationId(), u.name(), u.category(), u.gradeLevel().code(),
                    u.state(), u.kind(), u.authority().code(), u.filingNumber(), u.dueOn(), u.submittedAt(),
                    u.updatedAt(), u.version());
        }
    }

    record UnitDto(long id, long organisationId, String name, NetworkCategory category, String description,
            String keyLocations, String responsiblePerson, String responsibleContact, String gradeLevel,
            String gradingReasoning, LocalDate gradingReviewedOn, String mainHardware, String securitySystems,
            String baseSoftware, String applicationSoftware, String protocolsAndPorts, LifecycleStage lifecycleStage,
            List<Asset> assets, FilingState state, FilingKind kind, String authorityCode, int currentVersionNo,
            Integer inForceVersionNo, String filingNumber, LocalDate dueOn, String lastDecisionReasons,
            Instant submittedAt, Instant updatedAt, int version) {

        static UnitDto of(NetworkUnit u) {
            UnitContent c = u.content();
            return new UnitDto(u.id(), u.organisationId(), c.name(), c.category(), c.description(), c.keyLocations(),
                    c.responsiblePerson(), c.responsibleContact(), c.gradeLevel().code(), c.gradingReasoning(),
                    c.gradingReviewedOn(), c.mainHardware(), c.securitySystems(), c.baseSoftware(),
                    c.applicationSoftware(), c.protocolsAndPorts(), c.lifecycleStage(), c.assets(), u.state(),
                    u.kind(), u.authority().code(), u.currentVersionNo(), u.inForceVersionNo(), u.filingNumber(),
                    u.dueOn(), u.lastDecisionReasons(), u.submittedAt(), u.updatedAt(), u.version());
        }
    }
}
