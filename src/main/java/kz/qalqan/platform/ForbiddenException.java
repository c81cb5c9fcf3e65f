package kz.qalqan.platform;

import java.util.Arrays;
import java.util.List;

/**
 * The caller may see the target but not do this to it (answered as 403). Where the caller may not even
 * see the target, throw {@link NotFoundException} instead, so that nothing leaks.
 */
public class ForbiddenException extends RuntimeException implements Coded {

    private final String code;
    private final List<Object> args;

    public ForbiddenException(String message) {
        this(message, null, List.of());
    }

    private ForbiddenException(String message, String code, List<Object> args) {
        super(message);
        this.code = code;
        this.args = List.copyOf(args);
    }

    /** Refused by the rule {@code code} (a message key) with these arguments. */
    public static ForbiddenException coded(String code, Object... args) {
        List<Object> list = Arrays.asList(args);
        return new ForbiddenException(code + (list.isEmpty() ? "" : " " + list), code, list);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
