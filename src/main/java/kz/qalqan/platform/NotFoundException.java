package kz.qalqan.platform;

/** A record that does not exist, or that the caller may not see: both answer 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
