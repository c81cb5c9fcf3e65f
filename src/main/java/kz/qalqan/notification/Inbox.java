package kz.qalqan.notification;

import kz.qalqan.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A member's inbox in Qalqan: the messages the in-app channel put there, newest first, with the member's answer.
 * Callers pass the member linked to the signed-in account; a member sees only their own messages.
 */
@Service
public class Inbox {

    /** The most messages one page of the inbox shows. */
    public static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Inbox(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One message in the inbox. {@code replyPath} is the one-tap link ({@code /r/…}) for messages awaiting a reply. */
    public record Entry(long messageId, String correlationId, String subject, String body, boolean expectsReply,
                        boolean statusCheck, String replyPath, Answer answer, Instant arrived, boolean read) {
    }

    /** The member's newest messages; opening the inbox marks them read and is on the record. */
    @Transactional
    public List<Entry> open(long memberId) {
        List<String> orgPaths = new java.util.ArrayList<>();
        List<Entry> entries = jdbc.sql("""
                select i.message_id, m.correlation_id, m.subject, m.body, m.expects_reply, i.reply_path, r.answer,
                       i.created_at, i.read_at is not null, m.org_path
                from notification.inbox_item i
                join notification.message m on m.id = i.message_id
                left join notification.reply r on r.message_id = i.message_id
                where i.member_id = ?
                order by i.created_at desc, i.message_id desc
                limit ?""")
                .params(memberId, PAGE)
                .query((rs, n) -> {
                    orgPaths.add(rs.getString(10));
                    return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), Notifications.isStatusCheck(rs.getString(2)), rs.getString(6),
                            rs.getString(7) == null ? null : Answer.valueOf(rs.getString(7)),
                            rs.getTimestamp(8).toInstant(), rs.getBoolean(9));
                })
                .list();
        if (entries.isEmpty()) {
            return entries;
        }
        jdbc.sql("update notification.inbox_item set read_at = ? where member_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), memberId).update();
        // the member's place in the force when the newest message was sent
        String orgPath = orgPaths.get(0);
        audit.record("INBOX_READ", "member", Long.toString(memberId), orgPath, null, entries.size() + " messages");
        return entries;
    }

    /** How many of the member's messages are not yet read (the badge in the navigation). */
    @Transactional(readOnly = true)
    public int unread(long memberId) {
        return jdbc.sql("select count(*) from notification.inbox_item where member_id = ? and read_at is null")
                .param(memberId).query(Integer.class).single();
    }
}
