package kz.qalqan.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code qalqan.notification.*}: the dispatch workers, retries, reply links, escalation and the channels. A
 * channel without its settings is not configured and is skipped (the next channel in the notice is used).
 */
@Validated
@ConfigurationProperties("qalqan.notification")
public record NotificationProperties(
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("2") int workers,
        @DefaultValue("500") int batchSize,
        @DefaultValue("32") int concurrency,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10s") Duration backoffInitial,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("72h") Duration replyLinkLifetime,
        @DefaultValue("30m") Duration replyWithin,
        @DefaultValue("30s") Duration escalationInterval,
        String commanderFallbackEmail,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Webhook webhook) {

    /** E-mail is configured when Spring Mail is ({@code spring.mail.host}); this is the sender address. */
    public record Email(@DefaultValue("qalqan@localhost") String from) {
    }

    /** SMPP 3.4 transceiver bind; configured when host is set. */
    public record Sms(String host, @DefaultValue("2775") int port, String systemId, String password,
                      @DefaultValue("QALQAN") String sourceAddress, @DefaultValue("10s") Duration timeout) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /** A gateway (push, messenger) that receives signed JSON; configured when url and secret are set. */
    public record Webhook(String url, String secret, @DefaultValue("10s") Duration timeout) {
        public boolean configured() {
            return url != null && !url.isBlank() && secret != null && !secret.isBlank();
        }
    }
}
