package kz.qalqan.emergency.tasking;

import java.util.List;

/** A team to form: a name, activated members, optionally a leader among them and a task. */
public record TeamCommand(String name, List<Long> memberIds, Long leaderMemberId, Long taskId) {

    /** The most members one team is formed with in one request. */
    public static final int MAX_MEMBERS = 500;
}
