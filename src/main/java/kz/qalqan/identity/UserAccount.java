package kz.qalqan.identity;

import java.time.Instant;
import java.util.List;

/**
 * An account as administrators see it (never its password hash). {@code lockedUntil} is set while the next
 * sign-in from a strange address waits out its delay after failures; {@code failedSignIns} is set once failures
 * since the password was last set reach the notice threshold.
 */
public record UserAccount(long id, String username, String displayName, String language, UserStatus status,
                          Long memberId, List<RoleGrant> grants, Instant createdAt, Instant passwordChangedAt,
                          Instant lockedUntil, FailedSignIns failedSignIns) {

    public UserAccount {
        grants = List.copyOf(grants);
    }

    public boolean activeNationalAdmin() {
        return status == UserStatus.ACTIVE && grants.stream().anyMatch(RoleGrant::nationalAdmin);
    }
}
