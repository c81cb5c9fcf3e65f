package kz.qalqan.emergency;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/**
 * A message that is not an acceptable CAP 1.2 alert: a message code and its arguments, so that the sender reads it in
 * their language; the reason names the element and what is wrong in English, for the log.
 */
public class InvalidCapException extends RuntimeException implements Coded {

    private final String code;
    private final List<Object> args;

    private InvalidCapException(String reason, Throwable cause, String code, List<Object> args) {
        super(reason, cause);
        this.code = code;
        this.args = List.copyOf(args);
    }

    /** A refusal with the rule {@code code} (a message key) and its arguments; {@code reason} is for the log. */
    public static InvalidCapException coded(String reason, Throwable cause, String code, Object... args) {
        return new InvalidCapException(reason, cause, code, Arrays.asList(args));
    }

    public String reason() {
        return getMessage();
    }

    /** The refusal as the API answers it. */
    public InvalidInputException asInput() {
        return InvalidInputException.coded("cap", code, argsArray());
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
