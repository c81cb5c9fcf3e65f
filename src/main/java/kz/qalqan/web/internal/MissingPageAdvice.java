package kz.qalqan.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;

/**
 * A mistyped address in the browser shows the 404 page instead of a JSON problem. Only for clients that
 * accept HTML and outside {@code /api/}; API clients keep their problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MissingPageAdvice {

    @ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView missingPage(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
