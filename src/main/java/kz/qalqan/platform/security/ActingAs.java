package kz.qalqan.platform.security;

import kz.qalqan.shared.Caller;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets work that runs outside any request (demo seeding, scheduled jobs) act as a named caller instead of
 * the all-powerful system one, so that rules about people — "the preparer may not approve", "a commander
 * over the unit" — apply to it and the audit trail names who acted. Refused inside a request, where the
 * signed-in user is the caller.
 */
public final class ActingAs {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private ActingAs() {
    }

    public static <T> T call(Caller caller, Supplier<T> work) {
        if (RequestContextHolder.getRequestAttributes() != null) {
            throw new IllegalStateException("a request acts as its signed-in user only");
        }
        Caller before = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The caller set by {@link #call} on this thread, if any. */
    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
