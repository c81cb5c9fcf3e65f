package kz.qalqan.emergency.web;

import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The emergency pages (this package and the feature sub-packages) answer a missing or invisible emergency with the
 * 404 page and a refused action with the error page, not with a JSON problem. The REST controllers of the module
 * keep their problem+json: the platform's API advice comes first for them.
 */
@ControllerAdvice(basePackages = "kz.qalqan.emergency", annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class EmergencyPageAdvice {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }
}
