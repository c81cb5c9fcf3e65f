package kz.qalqan.emergency;

/** A message that is not an acceptable CAP 1.2 alert; the reason names the element and what is wrong. */
public class InvalidCapException extends RuntimeException {

    public InvalidCapException(String reason) {
        super(reason);
    }

    public InvalidCapException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
