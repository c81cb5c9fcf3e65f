package kz.qalqan.identity;

import java.time.Instant;
import java.util.List;

/**
 * An account as administrators see it (never its password hash). {@code lockedUntil} is set while
 * sign-in is refused after repeated failures.
 */
public record UserAccount(long id, String username, String displayName, String language, UserStatus status,
                          Long memberId, List<RoleGrant> grants, Instant createdAt, Instant passwordChangedAt,
                          Instant lockedUntil) {

    public UserAccount {
        grants = List.copyOf(grants);
    }

    public boolean activeNationalAdmin() {
        return status == UserStatus.ACTIVE && grants.stream().anyMatch(RoleGrant::nationalAdmin);
    }
}
