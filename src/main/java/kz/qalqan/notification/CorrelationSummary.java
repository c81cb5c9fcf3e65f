package kz.qalqan.notification;

import java.util.Map;

/** Counts for one correlation id (e.g. a call-up): messages by status, replies by answer, and the silent. */
public record CorrelationSummary(String correlationId, long messages, Map<String, Long> byStatus,
                                 Map<String, Long> byAnswer, long silent) {
}
