package kz.qalqan.notification;

/** A member answered a message; published once per message, whichever way the answer came. */
public record ReplyReceived(long messageId, String correlationId, long memberId, Answer answer, String reason) {
}
