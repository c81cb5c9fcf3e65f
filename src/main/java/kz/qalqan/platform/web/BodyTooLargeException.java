package kz.qalqan.platform.web;

import java.io.IOException;

/** A streamed request body passed its limit; an {@link IOException} so that every reader of the stream passes it on. */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
