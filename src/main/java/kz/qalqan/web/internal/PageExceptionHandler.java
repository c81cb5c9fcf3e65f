package kz.qalqan.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.web.ErrorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.UUID;

/**
 * Errors of the pages, answered as pages (the API has its own problem+json advice). A record that does
 * not exist, or a link with a malformed id, shows the 404 page; anything unexpected shows the 500 page
 * with a correlation id and nothing internal, while the log keeps the details under the same id.
 */
@ControllerAdvice(basePackageClasses = PageExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    /** A rule of the module refused the action (not a missing permission on the URL, which Security answers). */
    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException) {
            throw e; // Spring Security answers it: sign-in page or 403
        }
        int status = ErrorStatus.of(e);
        if (status < 500) {
            // Spring's own request errors (a missing parameter, a wrong method, a broken upload) and rules that refuse
            // input keep their 4xx
            return new ModelAndView(status == 404 ? "error/404" : "error", Map.of("status", status),
                    HttpStatus.valueOf(status));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        return new ModelAndView("error/500", Map.of("status", 500, "correlationId", correlationId),
                HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
