package kz.qalqan.emergency;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/**
 * A message that is not an acceptable CAP 1.2 alert; the reason names the element and what is wrong. Refusals of the
 * XML itself also carry a message code and arguments, so that the sender reads them in their language.
 */
public class InvalidCapException extends RuntimeException implements Coded {

    private final String code;
    private final List<Object> args;

    public InvalidCapException(String reason) {
        this(reason, null, null, List.of());
    }

    public InvalidCapException(String reason, Throwable cause) {
        this(reason, cause, null, List.of());
    }

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

    /** The refusal as the API answers it: coded where the rule has a code, else the reason. */
    public InvalidInputException asInput() {
        return code == null ? InvalidInputException.of("cap", reason()) : InvalidInputException.coded("cap", code, argsArray());
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
