package kz.qalqan.emergency.callup.web;

import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The call-up pages answer a missing or invisible emergency with the 404 page and a refused action with the 403
 * page, as the pages in {@code kz.qalqan.web} do (that advice covers only its own package).
 */
@ControllerAdvice(assignableTypes = CallUpPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CallUpPageErrors {

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }
}
