package kz.qalqan.training;

import java.io.Serializable;
import java.time.Instant;

/**
 * A secret subscription link to a calendar feed, for calendar apps that cannot sign in. Only its SHA-256
 * is stored; {@code secret} is filled once, in the answer to its creation.
 */
public record CalendarLink(long id, Kind kind, long targetId, Instant createdAt, Instant revokedAt, String secret)
        implements Serializable { // shown once after the redirect, so it travels in the session (kept in PostgreSQL)

    public enum Kind { UNIT, MEMBER }

    /** The path of the feed for this link's secret (only when the secret is known). */
    @com.fasterxml.jackson.annotation.JsonProperty("path")
    public String path() {
        return secret == null ? null : "/feeds/training/" + secret;
    }
}
