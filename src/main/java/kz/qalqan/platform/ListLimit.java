package kz.qalqan.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The caps on lists in request bodies (issue 10 item 5): a list longer than its documented maximum is refused at
 * once — 400 naming the field, code {@value #CODE} with the maximum and the size given — before any of its items is
 * looked at, so that a body of 100,000 ids costs nothing but its parsing. The maxima are constants next to the rule
 * that owns each field; docs/SECURITY.md lists them.
 */
public final class ListLimit {

    /** The message key: {@code {0}} the maximum, {@code {1}} the number given. */
    public static final String CODE = "request.list.too-long";

    private ListLimit() {
    }

    /** The problem with {@code field} when {@code values} holds more than {@code max} items. */
    public static java.util.Optional<FieldProblem> check(String field, Collection<?> values, int max) {
        return values != null && values.size() > max
                ? java.util.Optional.of(FieldProblem.of(field, CODE, max, values.size())) : java.util.Optional.empty();
    }

    /** As {@link #check(String, Collection, int)} for a map's entries. */
    public static java.util.Optional<FieldProblem> check(String field, Map<?, ?> values, int max) {
        return values == null ? java.util.Optional.empty() : check(field, values.keySet(), max);
    }

    /** Refuses at once (400) when {@code values} holds more than {@code max} items. */
    public static void require(String field, Collection<?> values, int max) {
        check(field, values, max).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
    }
}
