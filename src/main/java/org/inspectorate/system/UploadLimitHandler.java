package org.inspectorate.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart body over the size limit that reaches Spring MVC (always for the REST API, whose chain reads no
 * parameter before it; for pages only if {@link MultipartSizeLimit} did not see it) fails before any controller
 * is chosen, so no controller-bound advice applies: this one answers 413 — problem+json for {@code /api/**},
 * our 413 page otherwise.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final long limit;

    UploadLimitHandler(MessageSource messages,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize limit) {
        this.messages = messages;
        this.limit = limit.toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> problem = new LinkedHashMap<>(Map.of(
                    "type", "about:blank",
                    "status", HttpStatus.CONTENT_TOO_LARGE.value(),
                    "title", message("error.body-too-large"),
                    "detail", message("error.body-too-large.detail", limit)));
            RequestIds.current().ifPresent(id -> problem.put(RequestIds.KEY, id));
            JSON.writeValue(response.getOutputStream(), problem);
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error/413");
        page.addObject("limitMegabytes", DataSize.ofBytes(limit).toMegabytes());
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
