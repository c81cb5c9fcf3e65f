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

/** Appends to and reads {@code audit.event}; never updates or deletes it (the database refuses that anyway). */
@Repository
public class AuditRepository {

    private static final String SELECT = """
            select seq, at, actor, role, action, entity_type, entity_id, org_path, client_address, reason, details,
                prev_hash, hash
            from audit.event""";

    private static final RowMapper<AuditEntry> ENTRY = (rs, i) -> new AuditEntry(rs.getLong("seq"),
            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
            rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("org_path"),
            rs.getString("client_address"), rs.getString("reason"), rs.getString("details"), rs.getString("prev_hash"),
            rs.getString("hash"));

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The head, locked until the current transaction ends: the one place where appends queue up. */
    public ChainHead lockHead() {
        return jdbc.sql("select seq, hash from audit.head where id = 1 for update")
                .query((rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException("audit.head has no row: the audit schema is damaged"));
    }

    public ChainHead head() {
        return jdbc.sql("select seq, hash from audit.head where id = 1")
                .query((rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException("audit.head has no row: the audit schema is damaged"));
    }

    /** Inserts the event and moves the head to it; call with the head locked by {@link #lockHead()}. */
    public void append(AuditEntry e) {
        jdbc.sql("""
                with moved as (update audit.head set seq = ?, hash = ? where id = 1)
                insert into audit.event (seq, at, actor, role, action, entity_type, entity_id, org_path, client_address,
                    reason, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.seq(), e.hash(), e.seq(), timestamp(e.at()), e.actor(), e.role(), e.action(), e.entityType(),
                        e.entityId(), e.orgPath(), e.clientAddress(), e.reason(), e.details(), e.prevHash(), e.hash())
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

    /** The events after {@code afterSeq}, oldest first. */
    public List<AuditEntry> chain(long afterSeq, int limit) {
        return jdbc.sql(SELECT + " where seq > ? order by seq limit ?").params(afterSeq, limit).query(ENTRY).list();
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
