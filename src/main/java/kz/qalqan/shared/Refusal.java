package kz.qalqan.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Why a value is refused, as a message code of the kk/ru/en bundles ({@code shared.phone.tooShort}) and its
 * arguments, so that every reader sees the reason in their own language.
 */
public record Refusal(String code, List<Object> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    public static Refusal of(String code, Object... args) {
        return new Refusal(code, Arrays.asList(args));
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
