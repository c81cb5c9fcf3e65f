package kz.qalqan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.shared.CalendarDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::constraintProblem)
                .toList();
        return validation(texts.translate(problems, request));
    }

    /** A Bean Validation constraint said as one of the platform's input codes, never its English default message. */
    static FieldProblem constraintProblem(org.springframework.validation.FieldError error) {
        String value = error.getRejectedValue() == null ? "" : shorten(String.valueOf(error.getRejectedValue()));
        String constraint = error.getCode() == null ? "" : error.getCode();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldProblem.of(error.getField(), "input.required");
            case "Size" -> FieldProblem.of(error.getField(), "input.tooLong", sizeMax(error));
            default -> FieldProblem.of(error.getField(), "input.invalid", value);
        };
    }

    /** The {@code max} of a {@code @Size}: Spring passes the constraint's attributes in name order after the field. */
    private static Object sizeMax(org.springframework.validation.FieldError error) {
        Object[] args = error.getArguments();
        return args != null && args.length >= 2 ? args[1] : "";
    }

    /**
     * A body that could not be read: too large (413), not JSON, or JSON with a value of the wrong kind. A value Jackson
     * refused names its field (the path through the body) and, for a day, why it is not one.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Optional<BodyTooLargeException> tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), request);
        }
        Optional<JacksonException> jackson = cause(e, JacksonException.class);
        String field = jackson.map(ApiExceptionHandler::path).orElse("");
        if (field.isEmpty()) {
            ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Request body is not readable",
                    texts.text(FieldProblem.of(null, "request.body.unreadable"), "The body is not valid JSON of the expected shape.", request));
            body.setProperty("code", "request.body.unreadable");
            body.setProperty("args", List.of());
            return respond(body);
        }
        Class<?> target = jackson.filter(MismatchedInputException.class::isInstance)
                .map(j -> ((MismatchedInputException) j).getTargetType()).orElse(null);
        Object value = jackson.filter(InvalidFormatException.class::isInstance)
                .map(j -> ((InvalidFormatException) j).getValue()).orElse(null);
        return validation(texts.translate(List.of(valueProblem(field, target, value == null ? null : String.valueOf(value))), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String value = e.getValue() == null ? null : String.valueOf(e.getValue());
        return validation(texts.translate(List.of(valueProblem(e.getName(), e.getRequiredType(), value)), request));
    }

    /** Why {@code value} cannot be a {@code target}: a day that does not exist, a number out of range, or any other. */
    private static FieldProblem valueProblem(String field, Class<?> target, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            return FieldProblem.of(field, "input.nul");
        }
        if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target) && value != null
                && CalendarDate.problem(value) == CalendarDate.Problem.NO_SUCH_DAY) {
            return FieldProblem.of(field, CalendarDate.Problem.NO_SUCH_DAY.messageKey(), shorten(value));
        }
        if (target == java.time.LocalDate.class) {
            return FieldProblem.of(field, "input.date", shorten(value));
        }
        if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return FieldProblem.of(field, "input.dateTime", shorten(value));
        }
        if (target != null && (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class))) {
            return FieldProblem.of(field, "input.number", shorten(value));
        }
        if (target != null && target.isEnum()) {
            return FieldProblem.of(field, "input.oneOf", java.util.Arrays.stream(target.getEnumConstants())
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        return FieldProblem.of(field, "input.invalid", shorten(value));
    }

    private static String shorten(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(texts.translate(List.of(FieldProblem.of(e.getParameterName(), "input.required")), request));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return coded(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "request.notAcceptable", request,
                e.getSupportedMediaTypes().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return coded(HttpStatus.CONTENT_TOO_LARGE, "too-large", "request.tooLarge", request, e.getMaxUploadSize());
    }

    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return coded(HttpStatus.CONTENT_TOO_LARGE, "too-large", "request.tooLarge", request, e.limit());
    }

    private ResponseEntity<ProblemDetail> coded(HttpStatus status, String type, String code, HttpServletRequest request,
                                                Object... args) {
        FieldProblem said = texts.translate(List.of(FieldProblem.of(null, code, args)), request).get(0);
        ProblemDetail body = problem(status, type, status.getReasonPhrase(), said.message());
        texts.describe(body, said);
        return respond(body);
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
        Optional<BodyTooLargeException> tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), request);
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Spring's own refusals of a request (a missing header or part, a wrong method, a bad multipart body)
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return coded(status, "request", "request.refused", request, status.value());
        }
        if (e instanceof MultipartException) {
            return coded(HttpStatus.BAD_REQUEST, "request", "request.refused", request, 400);
        }
        if (cause(e, org.apache.tomcat.util.http.InvalidParameterException.class).isPresent()) {
            return coded(HttpStatus.BAD_REQUEST, "validation", "request.parameters.unreadable", request);
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Quote this id when you report it: " + correlationId);
        body.setProperty("correlationId", correlationId);
        return respond(body);
    }

    /**
     * The same answers for an exception no REST controller's advice saw: thrown before a handler was chosen (a
     * multipart body that cannot be parsed) or by a controller outside the advice's reach. See {@link RequestErrorAdvice}.
     */
    ResponseEntity<ProblemDetail> handle(Exception e, HttpServletRequest request) {
        if (e instanceof InvalidInputException x) {
            return invalid(x, request);
        }
        if (e instanceof MethodArgumentNotValidException x) {
            return beanValidation(x, request);
        }
        if (e instanceof HttpMessageNotReadableException x) {
            return unreadable(x, request);
        }
        if (e instanceof MethodArgumentTypeMismatchException x) {
            return typeMismatch(x, request);
        }
        if (e instanceof MissingServletRequestParameterException x) {
            return missingParameter(x, request);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException x) {
            return notAcceptable(x, request);
        }
        if (e instanceof MaxUploadSizeExceededException x) {
            return uploadTooLarge(x, request);
        }
        if (e instanceof NotFoundException x) {
            return notFound(x);
        }
        if (e instanceof NoResourceFoundException x) {
            return noResource(x);
        }
        if (e instanceof ForbiddenException x) {
            return forbidden(x, request);
        }
        if (e instanceof ConflictException x) {
            return conflict(x, request);
        }
        if (e instanceof HttpRequestMethodNotSupportedException x) {
            return method(x);
        }
        if (e instanceof HttpMediaTypeNotSupportedException x) {
            return mediaType(x);
        }
        return unexpected(e, request);
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

    static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        // an endpoint that produces CSV, iCalendar or PDF still answers its refusals as problem+json
        org.springframework.web.context.request.RequestAttributes attributes =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.removeAttribute(org.springframework.web.servlet.HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE,
                    org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && servlet.getResponse() != null && !servlet.getResponse().isCommitted()) {
            // a download (CSV, iCalendar, PDF) refused before its first byte: forget its headers and its writer
            // (security headers are written when the response commits, after this)
            servlet.getResponse().reset();
        }
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
