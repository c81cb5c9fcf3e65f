package kz.qalqan.identity;

import java.util.List;

/** An account to create. {@code memberId} optionally links the account to a registry member. */
public record NewUser(String username, String password, String displayName, String language, Long memberId,
                      List<GrantRequest> grants) {
}
