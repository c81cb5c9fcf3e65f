package kz.qalqan.notification;

/** A channel confirmed that a message reached the member (webhook 2xx, SMS delivery receipt, SMTP acceptance). */
public record MessageDelivered(long messageId, String correlationId, long memberId, Channel channel) {
}
