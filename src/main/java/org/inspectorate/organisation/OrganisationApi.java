package org.inspectorate.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.inspectorate.system.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation directory over REST: the same service, jurisdiction and rules as the pages. */
@RestController
@RequestMapping("/api/v1/organisations")
@PreAuthorize(OrganisationPages.DIRECTORY_ROLES)
@Tag(name = "Organisations", description = "单位名录 — the organisation directory, limited to the caller's jurisdiction")
class OrganisationApi {

    private final Organisations organisations;

    OrganisationApi(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "List organisations in the caller's jurisdiction",
            description = "Filters combine; `sort` is one of name, type, province, creditCode, createdAt.")
    PageDto<OrganisationDto> list(
            @Parameter(description = "Text in the name, credit code or licence number") @RequestParam(required = false) String q,
            @Parameter(description = "Organisation type, e.g. INTERNET_ENTERPRISE") @RequestParam(required = false) String type,
            @Parameter(description = "GB/T 2260 province code, e.g. 110000") @RequestParam(required = false) String province,
            @Parameter(description = "Only the subsidiaries of this group company") @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "The cursor of the next page (next in the previous answer)") @RequestParam(required = false) String after,
            Actor actor) {
        OrganisationQuery query = new OrganisationQuery(q, OrganisationPages.parse(OrganisationType.class, type),
                province == null ? null : Province.ofCode(province.strip()).orElse(null), parentId);
        return PageDto.of(organisations.search(actor, query, Paging.request(page, size, sort, dir, "name", after)),
                OrganisationDto::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation", description = "404 when it does not exist or lies outside the caller's jurisdiction.")
    @ApiResponse(responseCode = "404", description = "Unknown or outside the caller's jurisdiction")
    OrganisationDto get(@PathVariable long id, Actor actor) {
        return OrganisationDto.of(organisations.get(actor, id));
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Register an organisation (system administrator)",
            description = "Checks the unified social credit code (GB 32100 check character), province, licence number and parent; "
                    + "answers 400 with one error per field.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Invalid input, with field errors")
    ResponseEntity<OrganisationDto> register(@RequestBody OrganisationInput input, Actor actor) {
        Organisation registered = organisations.register(actor, input);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + registered.id()))
                .body(OrganisationDto.of(registered));
    }

    /** An organisation as the API shows it. */
    record OrganisationDto(long id, String type, String name, String creditCode, String provinceCode,
            String licenceNumber, boolean crossRegionalLicence, Long parentId, String contactName, String contactPhone,
            Instant createdAt) {

        static OrganisationDto of(Organisation o) {
            return new OrganisationDto(o.id(), o.type().name(), o.name(), o.creditCode().value(),
                    o.province() == null ? null : o.province().code(),
                    o.licenceNumber() == null ? null : o.licenceNumber().value(), o.crossRegionalLicence(),
                    o.parentId(), o.contactName(), o.contactPhone(), o.createdAt());
        }
    }

    /**
     * One page of a list: {@code total} is "at least" when {@code totalAtLeast} (a bounded count, see
     * {@code Total}); {@code next} is the {@code after} cursor of the next page, null on the last one.
     */
    record PageDto<T>(List<T> items, int page, int size, long total, boolean totalAtLeast, int totalPages,
            String next) {

        static <S, T> PageDto<T> of(PageResult<S> result, Function<S, T> f) {
            return new PageDto<>(result.items().stream().map(f).toList(), result.page(), result.size(), result.total(),
                    result.totalAtLeast(), result.totalPages(), result.next() == null ? null : result.next().token());
        }
    }
}
