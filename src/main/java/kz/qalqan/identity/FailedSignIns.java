package kz.qalqan.identity;

import java.time.Instant;

/**
 * Failed sign-ins (and wrong current passwords) of an account since its password was last set: how many, since
 * when, the last one and the client address it came from. Shown to the owner and to administrators from the
 * notice threshold on.
 */
public record FailedSignIns(int failures, Instant since, Instant lastAt, String lastAddress) {
}
