package kz.qalqan.notification;

import kz.qalqan.notification.internal.Dispatcher;
import kz.qalqan.notification.internal.Escalation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation timing against a clock the test moves: a call-up with a 15-minute reply window is left alone at
 * 14 min 59 s, goes to the next channel at 15 min, and reaches the commander 15 min after that — never earlier.
 */
class EscalationTimingIntegrationTests extends NotificationTestSupport {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Escalation escalation;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void silenceEscalatesExactlyWhenTheReplyWindowRunsOut() {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long commander = member("KZ-23", unit, position(unit, "Commander"), "en", "chief-" + tag + "@example.org", phone());
        long silent = member("KZ-23", unit, null, "en", "quiet-" + tag + "@example.org", phone());
        String correlation = "timing-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "T", "place", "P", "time", "1"),
                List.of(Channel.WEBHOOK, Channel.EMAIL), "t-" + tag, correlation, true, WINDOW), List.of(silent));
        dispatcher.drain(1, correlation);
        Instant sent = sentAt(silent, correlation);

        escalation.runAt(sent.plus(WINDOW).minusSeconds(1));
        assertThat(level(silent, correlation)).isZero();

        Instant first = sent.plus(WINDOW);
        escalation.runAt(first);
        assertThat(level(silent, correlation)).isEqualTo(1);
        assertThat(channel(silent, correlation)).isEqualTo(1); // the e-mail, next in the notice's order
        // the resend is due at the escalation's (future) time; the dispatcher runs on the real clock, so bring it here
        jdbc.sql("update notification.message set next_attempt_at = now() where member_id = ? and correlation_id = ?")
                .params(silent, correlation).update();
        dispatcher.drain(1, correlation);
        assertThat(mailsTo("quiet-" + tag + "@example.org")).isEqualTo(1);
        escalation.runAt(first.plus(WINDOW).minusSeconds(1));
        assertThat(level(silent, correlation)).isEqualTo(1);
        assertThat(commanderMessages(correlation, commander)).isZero();

        escalation.runAt(first.plus(WINDOW));
        assertThat(level(silent, correlation)).isEqualTo(2);
        assertThat(commanderMessages(correlation, commander)).isEqualTo(1);

        escalation.runAt(first.plus(WINDOW.multipliedBy(4)));
        assertThat(commanderMessages(correlation, commander)).as("the commander is told once").isEqualTo(1);
    }

    @Test
    void anAnswerInTimeStopsTheEscalation() {
        String tag = tag();
        long unit = unit("KZ-23", tag);
        long answering = member("KZ-23", unit, null, "kk", "fast-" + tag + "@example.org", phone());
        String correlation = "timing-ok-" + tag;
        notifications.enqueue(new Notice("callup", Map.of("title", "T", "place", "P", "time", "1"),
                List.of(Channel.WEBHOOK, Channel.EMAIL), "t-" + tag, correlation, true, WINDOW), List.of(answering));
        dispatcher.drain(1, correlation);
        Instant sent = sentAt(answering, correlation);
        String url = SINK.payload("t-" + tag + ":" + answering).get("replyUrl").asString();
        notifications.reply(url.substring(url.indexOf("/r/") + 3), Answer.ACCEPT, null, "TEST");

        escalation.runAt(sent.plus(WINDOW.multipliedBy(3)));
        assertThat(level(answering, correlation)).isZero();
    }

    private static long mailsTo(String address) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private Instant sentAt(long member, String correlation) {
        return jdbc.sql("select sent_at from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(Timestamp.class).single().toInstant();
    }

    private int level(long member, String correlation) {
        return jdbc.sql("select escalation_level from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(Integer.class).single();
    }

    private int channel(long member, String correlation) {
        return jdbc.sql("select channel_index from notification.message where member_id = ? and correlation_id = ?")
                .params(member, correlation).query(Integer.class).single();
    }

    private long commanderMessages(String correlation, long commander) {
        return jdbc.sql("select count(*) from notification.message where correlation_id = ? and member_id = ?")
                .params(correlation + "/escalation", commander).query(Long.class).single();
    }
}
