package kz.qalqan.notification.internal;

/** A channel accepted a message: its id for the message (if any) and whether that acceptance is a delivery. */
public record Sent(String externalId, boolean delivered, String receiptStatus) {
}
