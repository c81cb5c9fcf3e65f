package kz.qalqan.registry;

public enum MemberStatus {
    ACTIVE, INACTIVE, DISCHARGED
}
