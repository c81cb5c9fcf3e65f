package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Appends to and reads {@code audit.event}; never updates or deletes it (the database refuses that anyway). */
@Repository
public class AuditRepository {

    private static final String SELECT = """
            select seq, at, actor, role, action, entity_type, entity_id, org_path, client_address, reason, details,
                prev_hash, hash, stripe, stripe_seq
            from audit.event""";

    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(rs.getLong("seq"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
            rs.getString("client_address"), rs.getString("reason"), rs.getString("details"), rs.getString("prev_hash"),
            rs.getString("hash"));

    private static final RowMapper<ChainedEntry> CHAINED = (rs, i) -> new ChainedEntry(ENTRY.mapRow(rs, i),
            rs.getInt("stripe"), rs.getLong("stripe_seq"));

    private static final RowMapper<Claim> CLAIM = (rs, i) -> new Claim(
            new ChainHead(rs.getInt(1), rs.getLong(2), rs.getString(3)), rs.getLong(4));

    private static final RowMapper<ChainHead> HEAD = (rs, i) -> new ChainHead(rs.getInt(1), rs.getLong(2), rs.getString(3));

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stripe's head, locked until the transaction ends, and the {@code seq} the next event gets. */
    public record Claim(ChainHead head, long nextSeq) {
    }

    /**
     * Locks the head of the first stripe no other transaction holds, or finds every stripe taken. Whoever holds a
     * stripe keeps it until its transaction ends, so appends wait only when more transactions audit at once than
     * there are stripes.
     */
    public Optional<Claim> claimFreeStripe() {
        return jdbc.sql("""
                select id, seq, hash, nextval('audit.event_seq') from audit.head
                order by id for update skip locked limit 1""").query(CLAIM).optional();
    }

    /** Locks one stripe's head, waiting for it if another transaction holds it. */
    public Claim lockStripe(int stripe) {
        return jdbc.sql("select id, seq, hash, nextval('audit.event_seq') from audit.head where id = ? for update")
                .param(stripe).query(CLAIM).optional()
                .orElseThrow(() -> new IllegalStateException("audit.head has no stripe " + stripe + ": the audit schema is damaged"));
    }

    public int stripeCount() {
        return jdbc.sql("select count(*) from audit.head").query(Integer.class).single();
    }

    public List<ChainHead> heads() {
        return jdbc.sql("select id, seq, hash from audit.head order by id").query(HEAD).list();
    }

    /** Inserts the event at {@code position} of {@code stripe} and moves that stripe's head to it. */
    public void append(AuditEntry e, int stripe, long position) {
        jdbc.sql("""
                with moved as (update audit.head set seq = ?, hash = ? where id = ?)
                insert into audit.event (seq, at, actor, role, action, entity_type, entity_id, org_path, client_address,
                    reason, details, prev_hash, hash, stripe, stripe_seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(position, e.hash(), stripe, e.seq(), timestamp(e.at()), e.actor(), e.role(), e.action(),
                        e.entityType(), e.entityId(), e.orgPath(), e.clientAddress(), e.reason(), e.details(),
                        e.prevHash(), e.hash(), stripe, position)
                .update();
    }

    /** Newest first, only events whose org path lies in {@code scope} unless it is everything. */
    public List<AuditEntry> search(AuditQuery q, int limit, kz.qalqan.shared.Scope scope) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> params = new ArrayList<>();
        if (!scope.isEverything()) {
            sql.append(scope.isNothing() ? " and false" : " and org_path like any(?)");
            if (!scope.isNothing()) {
                params.add(scope.likePatterns());
            }
        }
        filter(sql, params, "actor = ?", q.actor());
        filter(sql, params, "entity_type = ?", q.entityType());
        filter(sql, params, "entity_id = ?", q.entityId());
        filter(sql, params, "action = ?", q.action());
        filter(sql, params, "at >= ?", q.from() == null ? null : timestamp(q.from()));
        filter(sql, params, "at < ?", q.to() == null ? null : timestamp(q.to()));
        filter(sql, params, "seq < ?", q.beforeSeq());
        sql.append(" order by seq desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ENTRY).list();
    }

    /** One stripe's events after {@code afterPosition}, in position order. */
    public List<ChainedEntry> stripe(int stripe, long afterPosition, int limit) {
        return jdbc.sql(SELECT + " where stripe = ? and stripe_seq > ? order by stripe_seq limit ?")
                .params(stripe, afterPosition, limit).query(CHAINED).list();
    }

    /** Events in a stripe that has no head: none can come from the application. */
    public List<ChainedEntry> strays(int limit) {
        return jdbc.sql(SELECT + " where stripe not in (select id from audit.head) order by seq limit ?")
                .param(limit).query(CHAINED).list();
    }

    public Optional<Checkpoint> lastCheckpoint() {
        return jdbc.sql("select id, at, heads, prev_hash, hash from audit.checkpoint order by id desc limit 1")
                .query(AuditRepository::checkpoint).optional();
    }

    public List<Checkpoint> checkpoints(long afterId, int limit) {
        return jdbc.sql("select id, at, heads, prev_hash, hash from audit.checkpoint where id > ? order by id limit ?")
                .params(afterId, limit).query(AuditRepository::checkpoint).list();
    }

    public void appendCheckpoint(Checkpoint c) {
        jdbc.sql("insert into audit.checkpoint (id, at, heads, prev_hash, hash) values (?, ?, ?, ?, ?)")
                .params(c.id(), timestamp(c.at()), c.heads(), c.prevHash(), c.hash()).update();
    }

    /**
     * Each stripe head a checkpoint bound that is no longer in the trail as it was: the row at that position is
     * gone or carries another hash. Set-based, so that years of checkpoints are checked in one query.
     */
    public List<String> brokenBindings(int limit) {
        return jdbc.sql("""
                with bound as (
                    select c.id, split_part(h, ':', 1)::int as stripe, split_part(h, ':', 2)::bigint as position,
                           split_part(h, ':', 3) as hash
                    from audit.checkpoint c, unnest(string_to_array(c.heads, ';')) h)
                select b.id, b.stripe, b.position, e.seq, e.hash is null as gone
                from bound b left join audit.event e on e.stripe = b.stripe and e.stripe_seq = b.position
                where b.position > 0 and e.hash is distinct from b.hash
                order by b.id, b.stripe limit ?""")
                .param(limit)
                .query((rs, i) -> "checkpoint " + rs.getLong(1) + " bound stripe " + rs.getInt(2) + " at position "
                        + rs.getLong(3) + (rs.getBoolean(5) ? ", which is missing (the stripe was cut short)"
                        : ", whose row " + rs.getLong(4) + " now has another hash (it was replaced)"))
                .list();
    }

    private static Checkpoint checkpoint(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5));
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.add(value);
        }
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
