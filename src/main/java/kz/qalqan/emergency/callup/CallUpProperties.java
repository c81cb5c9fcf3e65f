package kz.qalqan.emergency.callup;

import kz.qalqan.notification.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * {@code qalqan.emergency.callup.*}: the channels call-ups and stand-downs try, in order (a channel the member has no
 * contact for is skipped); how long a member has to answer before escalation; by when the message asks them to
 * report; the CAP sender name of Qalqan's own alerts; and how long one live-progress stream stays open.
 */
@Validated
@ConfigurationProperties("qalqan.emergency.callup")
public record CallUpProperties(
        @DefaultValue({"EMAIL", "SMS", "WEBHOOK"}) List<Channel> channels,
        @DefaultValue("15m") Duration replyWithin,
        @DefaultValue("2h") Duration reportWithin,
        @DefaultValue("qalqan@qalqan.kz") String capSender,
        @DefaultValue("10m") Duration streamLifetime) {
}
