package kz.qalqan.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to send: a template (texts {@code notification.template.<key>.subject} and {@code .body} in the
 * notification bundle, rendered in each member's language with {@code {name}} placeholders filled from
 * {@code parameters}), the channels in order, the idempotency key (one message per member per key: the
 * member's message key is {@code idempotencyKey + ":" + memberId}), the correlation id (e.g. the call-up) and
 * whether a reply is expected, and within how long before escalation ({@code null}: the configured default).
 */
public record Notice(String templateKey, Map<String, String> parameters, List<Channel> channels, String idempotencyKey,
                     String correlationId, boolean expectsReply, Duration replyWithin) {

    public Notice {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public String keyFor(long memberId) {
        return idempotencyKey + ":" + memberId;
    }
}
