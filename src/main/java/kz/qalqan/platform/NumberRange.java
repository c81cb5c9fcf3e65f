package kz.qalqan.platform;

import java.util.List;

/**
 * The documented range of a numeric input ({@code min} to {@code max}, both included). Every number a client sends
 * is checked against one before any calculation sees it, so an absurd value is a 400 that names the range, never an
 * overflow deep in a formula.
 */
public record NumberRange(String field, double min, double max) {

    /** Adds {@code input.outOfRange} with the range when {@code value} is given and not a finite number within it. */
    public void check(Double value, List<FieldProblem> problems) {
        if (value != null && (!Double.isFinite(value) || value < min || value > max)) {
            problems.add(FieldProblem.of(field, "input.outOfRange", shown(min), shown(max)));
        }
    }

    /** Adds the problem when {@code value} is given and outside the range. */
    public void check(Long value, List<FieldProblem> problems) {
        check(value == null ? null : value.doubleValue(), problems);
    }

    private static Object shown(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? (Object) (long) bound : (Object) bound;
    }
}
