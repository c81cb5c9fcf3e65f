package kz.qalqan.emergency.tasking;

import java.util.List;

/** A team to form: a name, activated members, optionally a leader among them and a task. */
public record TeamCommand(String name, List<Long> memberIds, Long leaderMemberId, Long taskId) {
}
