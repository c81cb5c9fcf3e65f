package kz.qalqan.notification;

/** The outcome of an enqueue: how many were asked for, queued now, already queued (same key) or out of reach. */
public record Enqueued(String correlationId, int requested, int queued, int duplicates, int unreachable) {
}
