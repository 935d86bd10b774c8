package org.inspectorate.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every {@code application/problem+json} answer names its request ({@code requestId}), whichever handler wrote it,
 * so a caller's report of an error can be found in the log.
 */
@RestControllerAdvice
class ProblemRequestId implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            RequestIds.current().ifPresent(id -> {
                // a handler may have set its properties as an immutable map: add to a copy
                Map<String, Object> properties = new LinkedHashMap<>();
                if (problem.getProperties() != null) {
                    properties.putAll(problem.getProperties());
                }
                properties.put(RequestIds.KEY, id);
                problem.setProperties(properties);
            });
        }
        return body;
    }
}
