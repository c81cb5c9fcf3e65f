package kz.qalqan.platform;

/** One problem with one input field, as listed in the {@code errors} array of a problem response. */
public record FieldProblem(String field, String message) {
}
