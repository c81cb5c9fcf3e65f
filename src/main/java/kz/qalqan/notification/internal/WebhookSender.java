package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import kz.qalqan.notification.NotificationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
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
    private final java.net.URL url;
    private final int timeoutMillis;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookSender(NotificationProperties properties, Clock clock) {
        this(properties.webhook(), clock);
    }

    WebhookSender(NotificationProperties.Webhook settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.timeoutMillis = (int) settings.timeout().toMillis();
        try {
            this.url = settings.configured() ? URI.create(settings.url()).toURL() : null;
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("qalqan.notification.webhook.url is not a URL: " + settings.url(), e);
        }
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
        // HttpURLConnection keeps connections alive per host and costs far less CPU per request than HttpClient
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        try {
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Idempotency-Key", m.idempotencyKey());
            c.setRequestProperty("X-Qalqan-Timestamp", Long.toString(timestamp));
            c.setRequestProperty("X-Qalqan-Signature", "v1=" + Hmac.webhookSignature(settings.secret(), timestamp, body));
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readAllBytes(); // read to the end so that the connection goes back to the keep-alive pool
                }
            }
            if (status / 100 != 2) {
                throw new IllegalStateException("webhook answered HTTP " + status);
            }
            return new Sent(c.getHeaderField("X-Receipt-Id"), true, "DELIVERED");
        } catch (java.io.IOException e) {
            c.disconnect();
            throw e;
        }
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
