package org.inspectorate.exposure;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of {@link ObservedServices} and {@link Discrepancies}: the same rules and jurisdiction as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Exposure", description = "已观测服务与备案不符")
class ExposureApi {

    private final ObservedServices services;
    private final Discrepancies discrepancies;

    ExposureApi(ObservedServices services, Discrepancies discrepancies) {
        this.services = services;
        this.discrepancies = discrepancies;
    }

    @GetMapping("/units/{id}/observed-services")
    @Operation(summary = "The services scanners saw on a unit's hosts, by host and port (audited)")
    PageResult<ObservedService> observed(Actor actor, @PathVariable long id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return services.ofUnit(actor, id, new PageRequest(page, size, null, true));
    }

    @GetMapping("/units/{id}/discrepancies")
    @Operation(summary = "The unit's open ports its filing does not declare, open ones first (audited)")
    PageResult<ServiceDiscrepancy> ofUnit(Actor actor, @PathVariable long id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return discrepancies.ofUnit(actor, id, new PageRequest(page, size, null, true));
    }

    @PostMapping("/discrepancies/{id}/declare")
    @Operation(summary = "Declare the port in the unit's change filing (a draft the operator submits)")
    ServiceDiscrepancy declare(Actor actor, @PathVariable long id) {
        return discrepancies.declare(actor, id);
    }

    @PostMapping("/discrepancies/{id}/finding")
    @Operation(summary = "Open a MISCONFIGURATION finding on host:port/protocol")
    ServiceDiscrepancy finding(Actor actor, @PathVariable long id) {
        return discrepancies.openFinding(actor, id);
    }

    @GetMapping("/discrepancies/counts")
    @Operation(summary = "Regulators: the operators of their area with discrepancies, counts by state (audited)",
            description = "Sort keys: open (default, most first), declared, findingOpened, settled, name.")
    PageResult<OperatorDiscrepancies> counts(Actor actor,
            @Parameter(description = "part of the operator's name") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "open") String sort, @RequestParam(defaultValue = "false") boolean asc) {
        return discrepancies.counts(actor, q, new PageRequest(page, size, sort, asc));
    }
}
