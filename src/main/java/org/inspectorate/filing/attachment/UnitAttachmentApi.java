package org.inspectorate.filing.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST face of {@link UnitAttachments}: the same rules and jurisdiction as the pages. */
@RestController
@RequestMapping("/api/v1/network-units/{id}/attachments")
@Tag(name = "Network unit attachments", description = "网络单元附件（拓扑图、备案报告）")
class UnitAttachmentApi {

    private final UnitAttachments attachments;

    UnitAttachmentApi(UnitAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "List a unit's attachments (newest first); 404 when the caller does not see the unit")
    List<UnitAttachment> list(Actor actor, @PathVariable long id) {
        return attachments.list(actor, id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file to a unit of the caller's organisation tree while it is editable",
            description = "Part 'file' (PDF, DOCX, XLSX, PNG or JPEG, judged by its bytes; at most "
                    + "inspectorate.filing.max-attachment-size). 409 while the unit is under review or retired.")
    UnitAttachment add(Actor actor, @PathVariable long id,
            @Parameter(description = "TOPOLOGY, FILING_REPORT or OTHER") @RequestParam(required = false) String kind,
            @RequestPart(value = "file", required = false) MultipartFile file) {
        return attachments.add(actor, id, kind, upload(file));
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download an attachment (audited)")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        UnitAttachmentFile f = attachments.download(actor, id, attachmentId);
        return FileDownload.of(f.fileName(), f.contentType(), f.content(), f.sha256());
    }

    @DeleteMapping("/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an attachment while the unit is editable (audited)")
    void delete(Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
        attachments.delete(actor, id, attachmentId);
    }

    /** The multipart file as an upload, or null when none was chosen. */
    static UnitAttachments.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return new UnitAttachments.Upload(file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
