package kz.qalqan.emergency.tasking;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → ASSIGNED → IN_PROGRESS → DONE; any open task may be CANCELLED, an assigned one put back to PLANNED. */
public enum TaskStatus {
    PLANNED, ASSIGNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean mayBecome(TaskStatus next) {
        Set<TaskStatus> allowed = switch (this) {
            case PLANNED -> EnumSet.of(ASSIGNED, CANCELLED);
            case ASSIGNED -> EnumSet.of(PLANNED, IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(DONE, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
        };
        return allowed.contains(next);
    }

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
