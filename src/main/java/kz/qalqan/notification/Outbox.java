package kz.qalqan.notification;

import kz.qalqan.notification.internal.Dispatcher;
import org.springframework.stereotype.Service;

/**
 * Sends what is due in the outbox now, in the calling thread and {@code workers} helpers, instead of waiting for
 * the background workers (commands, benchmarks, tests). Safe next to running workers: claims never overlap.
 */
@Service
public class Outbox {

    private final Dispatcher dispatcher;

    Outbox(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Dispatches until nothing (with the correlation prefix, if not null) is due; the number handled. */
    public long dispatchDue(int workers, String correlationPrefix) {
        return dispatcher.drain(workers, correlationPrefix);
    }

    /** As {@link #dispatchDue(int, String)}, with the webhook channel posting to this gateway instead. */
    public long dispatchDueVia(String webhookUrl, String webhookSecret, int workers, String correlationPrefix) {
        return dispatcher.toWebhook(webhookUrl, webhookSecret).drain(workers, correlationPrefix);
    }
}
