package kz.qalqan.training;

/** Whether an enrolled member took part; only PRESENT adds load and exposure. */
public enum AttendanceStatus {
    PRESENT, ABSENT, EXCUSED
}
