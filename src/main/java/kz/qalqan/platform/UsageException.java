package kz.qalqan.platform;

/** Wrong command-line arguments; the message tells the user what to type instead. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
