package kz.qalqan.platform;

/**
 * The caller may see the target but not do this to it (answered as 403). Where the caller may not even
 * see the target, throw {@link NotFoundException} instead, so that nothing leaks.
 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
