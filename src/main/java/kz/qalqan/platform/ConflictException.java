package kz.qalqan.platform;

import java.util.Arrays;
import java.util.List;

/** A request that contradicts the current state (a duplicate, a rule of the domain); answered as 409. */
public class ConflictException extends RuntimeException implements Coded {

    private final String field;
    private final String code;
    private final List<Object> args;

    public ConflictException(String field, String message) {
        this(field, message, null, List.of());
    }

    protected ConflictException(String field, String message, String code, List<Object> args) {
        super(message);
        this.field = field;
        this.code = code;
        this.args = List.copyOf(args);
    }

    /** A conflict with the rule {@code code} (a message key) about {@code field} (may be {@code null}). */
    public static ConflictException coded(String field, String code, Object... args) {
        List<Object> list = Arrays.asList(args);
        return new ConflictException(field, code + (list.isEmpty() ? "" : " " + list), code, list);
    }

    /** The input field the conflict is about, or {@code null}. */
    public String field() {
        return field;
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
