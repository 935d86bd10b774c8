package org.inspectorate.campaign.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.inspectorate.campaign.CampaignDefinition;
import org.inspectorate.campaign.CampaignDocument;
import org.inspectorate.campaign.CampaignQuery;
import org.inspectorate.campaign.CampaignState;
import org.inspectorate.campaign.CampaignSummary;
import org.inspectorate.campaign.CampaignVersion;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.VersionStatus;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Campaign definitions over the REST API: the same service and rules as the pages. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Campaign definitions (检查工作方案): list, read, upload, publish, close")
class CampaignApi {


    private final Campaigns campaigns;

    CampaignApi(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    @Operation(summary = "List campaigns", description = "Published campaigns for everyone signed in; the Ministry "
            + "also sees campaigns that only have drafts.")
    PageResult<CampaignSummary> list(@Parameter(hidden = true) Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) CampaignState state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "desc") String dir) {
        return campaigns.list(actor, new CampaignQuery(q, state), new PageRequest(page, size, sort, "asc".equals(dir)));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a campaign's definition",
            description = "The published definition; with `version`, that version (drafts for the Ministry only).")
    @ApiResponse(responseCode = "200", description = "The definition")
    @ApiResponse(responseCode = "404", description = "No such campaign, or not visible to the caller",
            content = @Content(mediaType = "application/problem+json"))
    CampaignResponse get(@Parameter(hidden = true) Actor actor, @PathVariable String code,
            @Parameter(description = "Version number; default the published one") @RequestParam(required = false)
            Integer version) {
        return CampaignResponse.of(campaigns.document(actor, code, version));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "List a campaign's versions", description = "Newest first; drafts for the Ministry only.")
    List<CampaignVersion> versions(@Parameter(hidden = true) Actor actor, @PathVariable String code) {
        return campaigns.versions(actor, code);
    }

    @PostMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain",
            "application/json" })
    @Operation(summary = "Upload a campaign definition (Ministry only)",
            description = "The body is the definition file (YAML or JSON, UTF-8, at most 256 KB). It is stored as a "
                    + "new draft version of the campaign its `code` names. Every problem is listed in the 400 "
                    + "answer, each with its field path (`deadlines[0].due`) and a message naming the value.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/yaml",
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "201", description = "Stored as a draft version")
    @ApiResponse(responseCode = "400", description = "Invalid definition; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not a Ministry officer")
    @ApiResponse(responseCode = "409", description = "Identical to an existing version, or the campaign is closed",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CampaignVersion> upload(@Parameter(hidden = true) Actor actor,
            @Parameter(hidden = true) InputStream body,
            @Parameter(description = "Original file name, for the record") @RequestParam(required = false)
            String fileName) throws IOException {
        byte[] content = body.readNBytes(Campaigns.maxDefinitionBytes() + 1);
        CampaignVersion version = campaigns.upload(actor, fileName, content);
        URI location = URI.create("/api/v1/campaigns/" + version.code() + "?version=" + version.number());
        return ResponseEntity.created(location)
                .body(version);
    }

    @PostMapping("/{code}/versions/{number}/publish")
    @Operation(summary = "Publish a draft version (Ministry only)",
            description = "The version becomes the campaign's published definition and never changes again; the "
                    + "version published before it is superseded.")
    @ApiResponse(responseCode = "200", description = "Published")
    @ApiResponse(responseCode = "409", description = "Not a draft, or the campaign is closed",
            content = @Content(mediaType = "application/problem+json"))
    CampaignVersion publish(@Parameter(hidden = true) Actor actor, @PathVariable String code,
            @PathVariable int number) {
        return campaigns.publish(actor, code, number);
    }

    @PostMapping("/{code}/close")
    @Operation(summary = "Close a published campaign (Ministry only)",
            description = "Nothing more may be submitted for a closed campaign; it stays readable.")
    @ApiResponse(responseCode = "409", description = "The campaign is not published",
            content = @Content(mediaType = "application/problem+json"))
    CampaignSummary close(@Parameter(hidden = true) Actor actor, @PathVariable String code) {
        return campaigns.close(actor, code);
    }

    /** A campaign version and its parsed definition, as the API returns it. */
    record CampaignResponse(String code, CampaignState state, int version, VersionStatus status, String sha256,
            Instant publishedAt, CampaignDefinition definition) {

        static CampaignResponse of(CampaignDocument d) {
            return new CampaignResponse(d.campaign().code(), d.campaign().state(), d.version().number(),
                    d.version().status(), d.version().sha256(), d.version().publishedAt(), d.definition());
        }
    }
}
