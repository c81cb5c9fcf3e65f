package kz.qalqan.identity;

import java.time.Instant;

/** A personal access token as listed to its owner: never the secret, only its first characters. */
public record AccessToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                          Instant lastUsedAt, Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
