package kz.qalqan.identity;

import java.util.List;

/** The new state of an account's editable fields; grants replace the current ones. */
public record UserChanges(String displayName, String language, String status, Long memberId, List<GrantRequest> grants) {
}
