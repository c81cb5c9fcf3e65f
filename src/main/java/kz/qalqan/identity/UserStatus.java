package kz.qalqan.identity;

/** Whether an account may sign in. A disabled account keeps its grants and tokens but none of them work. */
public enum UserStatus {
    ACTIVE, DISABLED
}
