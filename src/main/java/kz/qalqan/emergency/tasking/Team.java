package kz.qalqan.emergency.tasking;

import java.time.Instant;
import java.util.List;

/** A team of activated members with an optional leader (one of them), working on at most one task. */
public record Team(long id, long emergencyId, String name, Long leaderMemberId, Long taskId, List<TeamMember> members,
                   String createdBy, Instant createdAt) {

    /** A member of the team (names as far as the reader may see them). */
    public record TeamMember(long memberId, String fullName, Instant joinedAt) {
    }
}
