package kz.qalqan.platform;

/** A request that contradicts the current state (a duplicate, a rule of the domain); answered as 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the conflict is about, or {@code null}. */
    public String field() {
        return field;
    }
}
