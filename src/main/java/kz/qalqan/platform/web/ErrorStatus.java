package kz.qalqan.platform.web;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** The HTTP status an exception deserves, by class of cause; pages and the API agree on it. */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    /** The status a cause deserves: the client's mistakes are 4xx by class, anything else is ours (500). */
    public static int of(Throwable e) {
        if (ApiExceptionHandler.cause(e, BodyTooLargeException.class).isPresent() || e instanceof MaxUploadSizeExceededException) {
            return 413;
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return response.getStatusCode().value();
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof InvalidInputException || e instanceof MultipartException) {
            return 400;
        }
        return 500;
    }
}
