package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The member's inbox in Qalqan. It needs no gateway and no address, so it is always configured and reaches every
 * member: the message is waiting when the member signs in, with the same one-tap answers as the reply link.
 * Putting a message in twice keeps the first (the message id is the key), so a repeated send changes nothing.
 */
@Component
class InboxSender implements ChannelSender {

    private final JdbcClient jdbc;
    private final Clock clock;

    InboxSender(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public boolean reaches(Claimed message) {
        return true;
    }

    @Override
    public Sent send(Claimed m, String replyUrl) {
        jdbc.sql("""
                insert into notification.inbox_item (message_id, member_id, reply_path, created_at)
                values (?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(m.id(), m.memberId(), replyPath(replyUrl), Timestamp.from(clock.instant()))
                .update();
        return new Sent("inbox:" + m.id(), true, "DELIVERED");
    }

    /** The link's path on this server ({@code /r/<token>}), whatever public address the links are given. */
    static String replyPath(String replyUrl) {
        if (replyUrl == null) {
            return null;
        }
        int at = replyUrl.indexOf("/r/");
        return at < 0 ? null : replyUrl.substring(at);
    }
}
