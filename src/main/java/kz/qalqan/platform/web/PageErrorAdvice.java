package kz.qalqan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.Coded;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Errors of every module's pages, answered as pages: a record that does not exist (or a malformed id in a link)
 * shows the 404 page; a refusal no form caught shows the error page with its reason in the page's language;
 * anything unexpected shows the 500 page with a correlation id and nothing internal, while the log keeps the
 * details under the same id. REST controllers never get here: {@link ApiExceptionHandler} comes first for them.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    private final FormErrors texts;

    PageErrorAdvice(FormErrors texts) {
        this.texts = texts;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    /** A rule of a module refused the action (not a missing permission on the URL, which Security answers). */
    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return refused(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return refused(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return refused(HttpStatus.BAD_REQUEST, e.problems().isEmpty() ? null : e.problems().get(0));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException) {
            throw e; // Spring Security answers it: sign-in page or 403
        }
        int status = ErrorStatus.of(e);
        if (status < 500) {
            // Spring's own request errors (a missing parameter, a wrong method, a broken upload) keep their 4xx
            return new ModelAndView(status == 404 ? "error/404" : "error", Map.of("status", status),
                    HttpStatus.valueOf(status));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        return new ModelAndView("error/500", Map.of("status", 500, "correlationId", correlationId),
                HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ModelAndView refused(HttpStatus status, Coded refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        if (refusal != null && refusal.code() != null) {
            model.put("reason", texts.text(refusal));
        }
        return new ModelAndView("error", model, status);
    }
}
