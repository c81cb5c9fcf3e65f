package kz.qalqan.notification;

/** The ways a message reaches a member, tried in the order a notice names them. */
public enum Channel {
    EMAIL, SMS, WEBHOOK,
    /** The member's inbox in Qalqan: always there, and the way in when no other channel reaches the member. */
    INBOX
}
