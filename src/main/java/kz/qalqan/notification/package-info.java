/**
 * Notification: messages to members (call-ups first) in each member's language over e-mail, SMS (SMPP 3.4) and a
 * signed JSON webhook, in the order the sender asks. {@link kz.qalqan.notification.Notifications} enqueues them
 * set-based into a persistent outbox; workers on every node claim due rows with {@code FOR UPDATE SKIP LOCKED}
 * under a lease, retry with exponential backoff and record every attempt and receipt. The receiving side
 * deduplicates by the idempotency key each message carries, so a crash between sending and recording costs at most
 * a repeat that the key absorbs. Replies come from a signed, expiring one-tap link, SMS keywords or the API and
 * are stored once; {@link kz.qalqan.notification.MessageDelivered} and {@link kz.qalqan.notification.ReplyReceived}
 * tell the rest of the system. A cluster-wide job escalates silence: the next channel, then the commander. Staff follow the
 * messages of a call-up on the {@code /notifications} page ({@code notification.web}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"shared", "platform", "registry", "audit"})
package kz.qalqan.notification;
