package kz.qalqan.training;

/** Where a training event stands: PLANNED → STARTED → COMPLETED, or CANCELLED before it is completed. */
public enum EventStatus {
    PLANNED, STARTED, COMPLETED, CANCELLED
}
