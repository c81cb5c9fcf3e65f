package kz.qalqan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Maps exceptions of REST controllers to RFC 9457 {@code application/problem+json} bodies. Validation
 * problems carry an {@code errors} array of {@code {field, message}}; unexpected failures answer 500 with
 * a correlation id and no internal details (those go to the log under the same id).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String TYPE_BASE = "https://qalqan.kz/problems/";

    private final ProblemTexts texts;

    ApiExceptionHandler(ProblemTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return validation(texts.translate(e.problems(), request));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return validation(problems);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Request body is not readable",
                "The body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldProblem(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return validation(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource."));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", texts.text(e, e.getMessage(), request));
        texts.describe(body, e);
        return respond(body);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        String detail = texts.text(e, e.getMessage(), request);
        ProblemDetail body = problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
        texts.describe(body, e);
        if (e.field() != null) {
            body.setProperty("errors", List.of(new FieldProblem(e.field(), detail, e.code(), e.args())));
        }
        return respond(body);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Quote this id when you report it: " + correlationId);
        body.setProperty("correlationId", correlationId);
        return respond(body);
    }

    static ResponseEntity<ProblemDetail> validation(List<FieldProblem> problems) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                        : problems.size() + " fields are invalid");
        if (problems.size() == 1 && problems.get(0).code() != null) {
            body.setProperty("code", problems.get(0).code());
            body.setProperty("args", ProblemTexts.plain(problems.get(0).args()));
        }
        body.setProperty("errors", problems.stream().map(ProblemTexts::plain).toList());
        return respond(body);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
