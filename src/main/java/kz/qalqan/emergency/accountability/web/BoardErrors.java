package kz.qalqan.emergency.accountability.web;

import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** The board's pages answer a missing or unwatchable emergency with the 404 page, a refused action with 403. */
@ControllerAdvice(assignableTypes = AccountabilityBoard.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BoardErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN);
    }
}
