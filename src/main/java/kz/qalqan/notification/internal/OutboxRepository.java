package kz.qalqan.notification.internal;

import kz.qalqan.notification.Answer;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.MessageView;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Recipient;
import kz.qalqan.shared.Scope;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox tables: set-based enqueue, claims under a lease, results, receipts and replies. */
@Repository
public class OutboxRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    OutboxRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A rendered template: subject and body for one language. */
    public record Rendered(String subject, String body) {
    }

    /**
     * COPY the recipients into a temporary stage, then one {@code INSERT … SELECT} joins each with the texts in
     * their language; a key already in the outbox is skipped. Must run inside the caller's transaction.
     *
     * @return how many messages were new
     */
    public int enqueue(Notice notice, List<Recipient> recipients, Map<String, Rendered> texts, long replyWithinSeconds,
                       Instant now) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (var st = connection.createStatement()) {
                st.execute("""
                        create temp table if not exists notification_stage (
                            member_id bigint, member_name text, org_path text, unit_id bigint, language text,
                            email text, phone text, idempotency_key text) on commit delete rows""");
            }
            StringBuilder copy = new StringBuilder(recipients.size() * 120);
            for (Recipient r : recipients) {
                copy.append(r.memberId()).append('\t').append(text(r.name())).append('\t').append(text(r.orgPath()))
                        .append('\t').append(r.unitId() == null ? "\\N" : r.unitId().toString()).append('\t')
                        .append(text(texts.containsKey(r.language()) ? r.language() : "kk")).append('\t')
                        .append(text(blankToNull(r.email()))).append('\t').append(text(blankToNull(r.phone())))
                        .append('\t').append(text(notice.keyFor(r.memberId()))).append('\n');
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy notification_stage from stdin", new StringReader(copy.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not stage the recipients: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into notification.message (idempotency_key, correlation_id, member_id, member_name, org_path,
                            unit_id, language, template_key, subject, body, email, phone, channels, expects_reply,
                            reply_within_seconds, next_attempt_at, created_at)
                        select s.idempotency_key, :correlation, s.member_id, s.member_name, s.org_path, s.unit_id,
                               s.language, :template, t.subject, t.body, s.email, s.phone, :channels, :expects, :within,
                               :now, :now
                        from notification_stage s
                        join (values ('kk', :kkSubject, :kkBody), ('ru', :ruSubject, :ruBody), ('en', :enSubject, :enBody))
                             as t (language, subject, body) on t.language = s.language
                        on conflict (idempotency_key) do nothing""")
                .param("correlation", notice.correlationId())
                .param("template", notice.templateKey())
                .param("channels", notice.channels().stream().map(Enum::name).toArray(String[]::new))
                .param("expects", notice.expectsReply())
                .param("within", replyWithinSeconds)
                .param("now", at)
                .param("kkSubject", texts.get("kk").subject()).param("kkBody", texts.get("kk").body())
                .param("ruSubject", texts.get("ru").subject()).param("ruBody", texts.get("ru").body())
                .param("enSubject", texts.get("en").subject()).param("enBody", texts.get("en").body())
                .update();
    }

    private static String text(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Claims up to {@code limit} due messages for this worker: pending ones whose time has come and sending ones
     * whose lease ran out (their worker died). Rows another worker is claiming are skipped, not waited for.
     */
    public List<Claimed> claim(String worker, int limit, Instant now, Instant leaseUntil, String correlationPrefix) {
        return jdbc.sql("""
                        update notification.message m
                        set status = 'SENDING', lease_owner = :worker, lease_until = :lease, attempts = m.attempts + 1
                        where m.id in (
                            select id from notification.message
                            where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                              and (status = 'PENDING' or lease_until < :now)
                              and (cast(:prefix as text) is null or starts_with(correlation_id, cast(:prefix as text)))
                            order by next_attempt_at, id
                            limit :limit
                            for update skip locked)
                        returning m.id, m.idempotency_key, m.correlation_id, m.member_id, m.member_name, m.language,
                                  m.subject, m.body, m.email, m.phone, m.channels, m.channel_index, m.attempts,
                                  m.expects_reply""")
                .param("worker", worker)
                .param("lease", at(leaseUntil))
                .param("now", at(now))
                .param("limit", limit)
                .param("prefix", correlationPrefix)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), channels(rs, 11), rs.getInt(12), rs.getInt(13), rs.getBoolean(14)))
                .list();
    }

    private static List<Channel> channels(ResultSet rs, int column) throws SQLException {
        return Arrays.stream((String[]) rs.getArray(column).getArray()).map(Channel::valueOf).toList();
    }

    /** Stores the outcomes of one batch, its attempts and receipts, in three statements. */
    public void record(String worker, List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        int n = outcomes.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        Integer[] indexes = new Integer[n];
        Integer[] attempts = new Integer[n];
        String[] next = new String[n];
        String[] sent = new String[n];
        String[] delivered = new String[n];
        String[] errors = new String[n];
        List<Long> aMessage = new ArrayList<>();
        List<Integer> aNo = new ArrayList<>();
        List<String> aChannel = new ArrayList<>();
        List<String> aOutcome = new ArrayList<>();
        List<String> aDetail = new ArrayList<>();
        List<Long> rMessage = new ArrayList<>();
        List<String> rChannel = new ArrayList<>();
        List<String> rExternal = new ArrayList<>();
        List<String> rStatus = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            ids[i] = o.messageId();
            statuses[i] = o.status();
            indexes[i] = o.channelIndex();
            attempts[i] = o.attempts();
            next[i] = o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString();
            sent[i] = o.sentAt() == null ? null : o.sentAt().toString();
            delivered[i] = o.deliveredAt() == null ? null : o.deliveredAt().toString();
            errors[i] = o.lastError();
            for (Outcome.Attempt a : o.tried()) {
                aMessage.add(o.messageId());
                aNo.add(a.attemptNo());
                aChannel.add(a.channel().name());
                aOutcome.add(a.outcome());
                aDetail.add(a.detail());
            }
            if (o.receipt() != null) {
                rMessage.add(o.messageId());
                rChannel.add(o.receipt().channel().name());
                rExternal.add(o.receipt().externalId());
                rStatus.add(o.receipt().status());
            }
        }
        jdbc.sql("""
                        update notification.message m
                        set status = r.status, channel_index = r.idx, attempts = r.attempts,
                            next_attempt_at = coalesce(r.next, m.next_attempt_at),
                            sent_at = coalesce(r.sent, m.sent_at), delivered_at = coalesce(r.delivered, m.delivered_at),
                            last_error = r.error, lease_owner = null, lease_until = null
                        from unnest(:ids::bigint[], :statuses::text[], :indexes::int[], :attempts::int[],
                                    :next::timestamptz[], :sent::timestamptz[], :delivered::timestamptz[], :errors::text[])
                             as r (id, status, idx, attempts, next, sent, delivered, error)
                        where m.id = r.id and m.lease_owner = :worker""")
                .param("ids", ids).param("statuses", statuses).param("indexes", indexes).param("attempts", attempts)
                .param("next", next).param("sent", sent).param("delivered", delivered).param("errors", errors)
                .param("worker", worker)
                .update();
        if (!aMessage.isEmpty()) {
            jdbc.sql("""
                            insert into notification.attempt (message_id, attempt_no, channel, worker, outcome, detail, at)
                            select r.message_id, r.no, r.channel, :worker, r.outcome, r.detail, :at
                            from unnest(:messages::bigint[], :nos::int[], :channels::text[], :outcomes::text[], :details::text[])
                                 as r (message_id, no, channel, outcome, detail)""")
                    .param("messages", aMessage.toArray(Long[]::new)).param("nos", aNo.toArray(Integer[]::new))
                    .param("channels", aChannel.toArray(String[]::new)).param("outcomes", aOutcome.toArray(String[]::new))
                    .param("details", aDetail.toArray(String[]::new)).param("worker", worker).param("at", at(now))
                    .update();
        }
        if (!rMessage.isEmpty()) {
            jdbc.sql("""
                            insert into notification.receipt (message_id, channel, external_id, status, at)
                            select r.message_id, r.channel, r.external_id, r.status, :at
                            from unnest(:messages::bigint[], :channels::text[], :externals::text[], :statuses::text[])
                                 as r (message_id, channel, external_id, status)
                            on conflict do nothing""")
                    .param("messages", rMessage.toArray(Long[]::new)).param("channels", rChannel.toArray(String[]::new))
                    .param("externals", rExternal.toArray(String[]::new)).param("statuses", rStatus.toArray(String[]::new))
                    .param("at", at(now))
                    .update();
        }
    }

    /** A delivery receipt for a message a channel knows by its own id (an SMS DLR); empty if unknown, not fresh if repeated. */
    public Optional<Delivered> receiptFor(Channel channel, String externalId, String status, Instant now) {
        Optional<Delivered> message = jdbc.sql("""
                        select m.id, m.correlation_id, m.member_id from notification.receipt r
                        join notification.message m on m.id = r.message_id
                        where r.channel = :channel and r.external_id = :external and r.status = 'SUBMITTED'""")
                .param("channel", channel.name()).param("external", externalId)
                .query((rs, n) -> new Delivered(rs.getLong(1), rs.getString(2), rs.getLong(3), true))
                .optional();
        if (message.isEmpty()) {
            return Optional.empty();
        }
        int inserted = jdbc.sql("""
                        insert into notification.receipt (message_id, channel, external_id, status, at)
                        values (:message, :channel, :external, :status, :at) on conflict do nothing""")
                .param("message", message.get().messageId()).param("channel", channel.name())
                .param("external", externalId).param("status", status).param("at", at(now)).update();
        if (inserted == 0) {
            return Optional.of(new Delivered(message.get().messageId(), message.get().correlationId(),
                    message.get().memberId(), false));
        }
        if (status.equals("DELIVERED")) {
            jdbc.sql("""
                            update notification.message set status = 'DELIVERED', delivered_at = :at
                            where id = :id and status = 'SENT'""")
                    .param("id", message.get().messageId()).param("at", at(now)).update();
        }
        return message;
    }

    public record Delivered(long messageId, String correlationId, long memberId, boolean fresh) {
    }

    /** A message with what the reply page needs. */
    public record ReplyTarget(long messageId, String correlationId, long memberId, String orgPath, String language,
                              String subject, String body, boolean expectsReply, Answer answer, String reason) {
    }

    public Optional<ReplyTarget> replyTarget(long messageId) {
        return jdbc.sql("""
                        select m.id, m.correlation_id, m.member_id, m.org_path, m.language, m.subject, m.body,
                               m.expects_reply, r.answer, r.reason
                        from notification.message m left join notification.reply r on r.message_id = m.id
                        where m.id = :id""")
                .param("id", messageId)
                .query((rs, n) -> new ReplyTarget(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        rs.getString(9) == null ? null : Answer.valueOf(rs.getString(9)), rs.getString(10)))
                .optional();
    }

    /** The newest message to a phone number that awaits a reply and has none (for SMS keywords). */
    public Optional<Long> awaitingReplyByPhone(String phone) {
        return jdbc.sql("""
                        select m.id from notification.message m
                        where m.phone = :phone and m.expects_reply and m.status in ('SENT', 'DELIVERED')
                          and not exists (select 1 from notification.reply r where r.message_id = m.id)
                        order by m.created_at desc, m.id desc limit 1""")
                .param("phone", phone).query(Long.class).optional();
    }

    /**
     * Marks the messages with these idempotency keys that await a reply as answered (ACCEPT), for a member who
     * answered through a feature's own page; answers how many were marked.
     */
    public int answeredElsewhere(java.util.Collection<String> messageKeys, String reason, String via, Instant now) {
        return jdbc.sql("""
                        insert into notification.reply (message_id, correlation_id, member_id, answer, reason, via, at)
                        select m.id, m.correlation_id, m.member_id, 'ACCEPT', :reason, :via, :at
                        from notification.message m
                        where m.idempotency_key = any(:keys) and m.expects_reply
                        on conflict (message_id) do nothing""")
                .param("keys", messageKeys.toArray(String[]::new)).param("reason", reason).param("via", via)
                .param("at", at(now))
                .update();
    }

    /** Stores the first reply to a message; a later one changes nothing and answers false. */
    public boolean reply(ReplyTarget target, Answer answer, String reason, String via, Instant now) {
        return jdbc.sql("""
                        insert into notification.reply (message_id, correlation_id, member_id, answer, reason, via, at)
                        values (:id, :correlation, :member, :answer, :reason, :via, :at)
                        on conflict (message_id) do nothing""")
                .param("id", target.messageId()).param("correlation", target.correlationId())
                .param("member", target.memberId()).param("answer", answer.name()).param("reason", reason)
                .param("via", via).param("at", at(now))
                .update() == 1;
    }

    private static final String VIEW = """
            select m.id, m.correlation_id, m.member_id, m.member_name, m.language, m.channels, m.channel_index, m.status,
                   m.attempts, m.sent_at, m.delivered_at, m.escalation_level, r.answer, r.reason, r.at, m.last_error
            from notification.message m left join notification.reply r on r.message_id = m.id
            """;

    public List<MessageView> messages(String correlationId, Scope scope, boolean silentOnly, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(correlationId);
        String where = " where m.correlation_id = ?" + scoped(scope, params)
                + (silentOnly ? " and m.expects_reply and r.message_id is null" : "");
        params.add(limit);
        return jdbc.sql(VIEW + where + " order by m.id limit ?").params(params)
                .query((rs, n) -> {
                    List<Channel> channels = channels(rs, 6);
                    int idx = Math.min(rs.getInt(7), channels.size() - 1);
                    return new MessageView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), channels, channels.get(idx), rs.getString(8), rs.getInt(9),
                            instant(rs, 10), instant(rs, 11), rs.getInt(12),
                            rs.getString(13) == null ? null : Answer.valueOf(rs.getString(13)), rs.getString(14),
                            instant(rs, 15), rs.getString(16));
                })
                .list();
    }

    public Map<String, Long> countByStatus(String correlationId, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(correlationId);
        String where = " where m.correlation_id = ?" + scoped(scope, params);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select m.status, count(*) from notification.message m" + where + " group by m.status order by 1")
                .params(params).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public Map<String, Long> countByAnswer(String correlationId, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(correlationId);
        String where = " where m.correlation_id = ?" + scoped(scope, params);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select r.answer, count(*) from notification.message m join notification.reply r on r.message_id = m.id"
                        + where + " group by r.answer order by 1")
                .params(params).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public long countSilent(String correlationId, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(correlationId);
        String where = " where m.correlation_id = ?" + scoped(scope, params);
        return jdbc.sql("select count(*) from notification.message m left join notification.reply r on r.message_id = m.id"
                        + where + " and m.expects_reply and r.message_id is null")
                .params(params).query(Long.class).single();
    }

    private static String scoped(Scope scope, List<Object> params) {
        if (scope.isEverything()) {
            return "";
        }
        if (scope.isNothing()) {
            return " and false";
        }
        params.add(scope.likePatterns());
        return " and m.org_path like any(?)";
    }

    /** A silent message due for escalation. */
    public record Silent(long messageId, String correlationId, long memberId, String memberName, Long unitId,
                         String orgPath, List<Channel> channels, int channelIndex, int escalationLevel, boolean failed) {
    }

    /**
     * Messages that expect a reply and have had none within their time since they were sent (level 0) or since
     * the last escalation (level 1). A message that failed on every channel counts from when it was queued.
     */
    public List<Silent> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("""
                        select m.id, m.correlation_id, m.member_id, m.member_name, m.unit_id, m.org_path, m.channels,
                               m.channel_index, m.escalation_level, m.status = 'FAILED'
                        from notification.message m
                        where m.expects_reply and m.status in ('SENT', 'DELIVERED', 'FAILED') and m.escalation_level < 2
                          and coalesce(m.escalated_at, m.sent_at, m.created_at) + make_interval(secs => m.reply_within_seconds) <= :now
                          and not exists (select 1 from notification.reply r where r.message_id = m.id)
                        order by m.id limit :limit
                        for update of m skip locked""")
                .param("now", at(now)).param("limit", limit)
                .query((rs, n) -> new Silent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), channels(rs, 7), rs.getInt(8), rs.getInt(9),
                        rs.getBoolean(10)))
                .list();
    }

    /** Sends the message again on its next channel, now. */
    public void resendOnNextChannel(long messageId, Instant now) {
        jdbc.sql("""
                        update notification.message
                        set status = 'PENDING', channel_index = channel_index + 1, attempts = 0, next_attempt_at = :now,
                            escalation_level = 1, escalated_at = :now
                        where id = :id""")
                .param("id", messageId).param("now", at(now)).update();
    }

    public void markCommanderNotified(long messageId, Instant now) {
        jdbc.sql("update notification.message set escalation_level = 2, escalated_at = :now where id = :id")
                .param("id", messageId).param("now", at(now)).update();
    }

    /** Tries the cluster-wide escalation lock for the current transaction. */
    public boolean escalationLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('qalqan.notification.escalation'))")
                .query(Boolean.class).single());
    }

    public long pending() {
        return jdbc.sql("select count(*) from notification.message where status in ('PENDING', 'SENDING')")
                .query(Long.class).single();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
