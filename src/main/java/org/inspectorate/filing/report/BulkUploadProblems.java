package org.inspectorate.filing.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused bulk upload through the API as problem+json: 400 (413 for a file over the limit) with every problem
 * of the file, {@code errors[{row, column, field, code, message}]} — the row-and-column shape the global
 * handler's field errors do not have.
 */
@RestControllerAdvice(assignableTypes = FilingReportApi.class)
class BulkUploadProblems {

    private final MessageSource messages;

    BulkUploadProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BulkUploadRejected.class)
    ResponseEntity<ProblemDetail> rejected(BulkUploadRejected e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(message(e.tooLarge() ? "error.body-too-large" : "error.invalid-input"));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (BulkProblem p : e.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("row", p.row());
            error.put("column", p.column());
            error.put("field", p.field());
            error.put("code", p.code());
            error.put("message", message(p.code(), p.args()));
            errors.add(error);
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
