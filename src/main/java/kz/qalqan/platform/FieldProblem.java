package kz.qalqan.platform;

import java.util.Arrays;
import java.util.List;

/**
 * One problem with one input field, as listed in the {@code errors} array of a problem response. A coded problem
 * names a message key and its arguments; its {@code message} is filled in the reader's language when answered.
 */
public record FieldProblem(String field, String message, String code, List<Object> args) implements Coded {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** An old-style problem with an English message only. */
    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    /** A problem with {@code field} refused by the rule {@code code} (a message key) with these arguments. */
    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, code, Arrays.asList(args));
    }

    /** The same problem with its text in a reader's language. */
    public FieldProblem withMessage(String text) {
        return new FieldProblem(field, text, code, args);
    }
}
