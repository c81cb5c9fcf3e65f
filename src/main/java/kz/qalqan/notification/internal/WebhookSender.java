package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import kz.qalqan.notification.NotificationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic webhook: a JSON POST to the configured gateway with {@code Idempotency-Key},
 * {@code X-Qalqan-Timestamp} and {@code X-Qalqan-Signature: v1=<hex HMAC-SHA256 of "timestamp.body">}. A 2xx answer
 * is the delivery receipt (its {@code X-Receipt-Id}, if any, is kept); anything else is a failure to retry.
 */
@Component
public class WebhookSender implements ChannelSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationProperties.Webhook settings;
    private final Clock clock;
    private final HttpClient http;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookSender(NotificationProperties properties, Clock clock) {
        this(properties.webhook(), clock);
    }

    WebhookSender(NotificationProperties.Webhook settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public boolean reaches(Claimed message) {
        return true; // the gateway knows members by id
    }

    @Override
    public Sent send(Claimed m, String replyUrl) throws Exception {
        byte[] body = JSON.writeValueAsBytes(payload(m, replyUrl));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", m.idempotencyKey())
                .header("X-Qalqan-Timestamp", Long.toString(timestamp))
                .header("X-Qalqan-Signature", "v1=" + Hmac.webhookSignature(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
        }
        return new Sent(response.headers().firstValue("X-Receipt-Id").orElse(null), true, "DELIVERED");
    }

    static Map<String, Object> payload(Claimed m, String replyUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("idempotencyKey", m.idempotencyKey());
        p.put("messageId", m.id());
        p.put("correlationId", m.correlationId());
        p.put("memberId", m.memberId());
        p.put("language", m.language());
        p.put("phone", m.phone());
        p.put("email", m.email());
        p.put("subject", m.subject());
        p.put("body", m.body());
        p.put("expectsReply", m.expectsReply());
        p.put("replyUrl", replyUrl);
        return p;
    }
}
