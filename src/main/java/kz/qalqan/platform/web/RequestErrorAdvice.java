package kz.qalqan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.UUID;

/**
 * The last word on an exception no other advice took: one thrown before a handler was chosen (a multipart body that
 * cannot be parsed, for every URL) or by a controller outside the reach of the module advices. The API answers it
 * like {@link ApiExceptionHandler}; a page shows the error page with the status its cause deserves (a client's
 * mistake is a 4xx, never a 500 page).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(RequestErrorAdvice.class);

    private final ApiExceptionHandler api;

    RequestErrorAdvice(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler(Exception.class)
    Object unhandled(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers it: sign-in page, 401 or 403
        }
        if (e instanceof AsyncRequestNotUsableException
                || (e instanceof ErrorResponse response && !response.getStatusCode().is4xxClientError())) {
            throw e; // a client gone from a live stream, a stream's timeout: Spring's own resolver ends them quietly
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return api.handle(e, request);
        }
        int status = ErrorStatus.of(e);
        if (status >= 500) {
            String correlationId = UUID.randomUUID().toString();
            log.error("Unexpected error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
            return new ModelAndView("error/500", Map.of("status", 500, "correlationId", correlationId),
                    HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return new ModelAndView(status == 404 ? "error/404" : "error", Map.of("status", status), HttpStatus.valueOf(status));
    }
}
