package kz.qalqan.emergency.tasking.web;

import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * The emergency feature pages (task board, SITREP) answer a missing or out-of-scope emergency with the 404 page and
 * a refused action with the 403 page, as the staff pages in the web module do. The API controllers of these
 * packages keep their problem+json answers (that advice runs first).
 */
@ControllerAdvice(basePackages = {"kz.qalqan.emergency.tasking.web", "kz.qalqan.emergency.sitrep.web"})
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class TaskingPageAdvice {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }
}
