package kz.qalqan.emergency.selection;

import java.util.List;

/**
 * Why a candidate was left out, as a message code of the {@code selection} bundle ({@code selection.reason.<code>})
 * and its arguments, so that each caller reads it in their own language.
 */
record Reason(String code, List<String> args) {

    Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Reason of(String code, Object... args) {
        return new Reason(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
