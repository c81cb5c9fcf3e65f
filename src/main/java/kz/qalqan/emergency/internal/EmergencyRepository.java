package kz.qalqan.emergency.internal;

import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The emergency table. The area is stored as JSON in the shape of {@link EmergencyArea}. */
@Repository
public class EmergencyRepository {

    private static final String COLUMNS = """
            id, title, type, severity, status, exercise, description, area::text as area, org_path, declared_at,
            declared_by, updated_at, closed_at, status_reason, cap_sender, cap_identifier""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EmergencyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(String title, EmergencyType type, Severity severity, boolean exercise, String description,
                       EmergencyArea area, String orgPath, Instant at, String actor, String capSender,
                       String capIdentifier) {
        return jdbc.sql("""
                        insert into emergency.emergency (title, type, severity, status, exercise, description, area,
                                                         org_path, declared_at, declared_by, updated_at, cap_sender,
                                                         cap_identifier)
                        values (?, ?, ?, 'ACTIVE', ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(title, type.name(), severity.name(), exercise, description, json.writeValueAsString(area),
                        orgPath, Timestamp.from(at), actor, Timestamp.from(at), capSender, capIdentifier)
                .query(Long.class).single();
    }

    public Optional<Emergency> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from emergency.emergency where id = ?").param(id)
                .query(this::map).optional();
    }

    /** Locks the row for a change of state; NO KEY so that rows referencing it (activations, shifts) may still be added. */
    public Optional<Emergency> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from emergency.emergency where id = ? for no key update").param(id)
                .query(this::map).optional();
    }

    public Optional<Emergency> findByCap(String sender, String identifier) {
        return jdbc.sql("select " + COLUMNS + " from emergency.emergency where cap_sender = ? and cap_identifier = ?")
                .params(sender, identifier).query(this::map).optional();
    }

    /**
     * Emergencies whose owning path is inside the scope or above it (a regional coordinator sees a national
     * emergency that covers their region), newest first.
     */
    public List<Emergency> list(Scope scope, boolean openOnly, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from emergency.emergency where true");
        List<Object> params = new ArrayList<>();
        if (openOnly) {
            sql.append(" and status in ('ACTIVE', 'STOOD_DOWN')");
        }
        if (!scope.isEverything()) {
            sql.append(" and (");
            String or = "";
            for (String prefix : scope.prefixes()) {
                sql.append(or).append("org_path like ? or starts_with(?, org_path)");
                params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                params.add(prefix);
                or = " or ";
            }
            sql.append(")");
        }
        sql.append(" order by declared_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    public void update(Emergency e, Instant at) {
        jdbc.sql("""
                        update emergency.emergency set title = ?, type = ?, severity = ?, exercise = ?, description = ?,
                               area = cast(? as jsonb), org_path = ?, status = ?, status_reason = ?, closed_at = ?,
                               updated_at = ?, version = version + 1
                        where id = ?""")
                .params(e.title(), e.type().name(), e.severity().name(), e.exercise(), e.description(),
                        json.writeValueAsString(e.area()), e.orgPath(), e.status().name(), e.statusReason(),
                        e.closedAt() == null ? null : Timestamp.from(e.closedAt()), Timestamp.from(at), e.id())
                .update();
    }

    private Emergency map(ResultSet rs, int row) throws SQLException {
        return new Emergency(rs.getLong("id"), rs.getString("title"), EmergencyType.valueOf(rs.getString("type")),
                Severity.valueOf(rs.getString("severity")), EmergencyStatus.valueOf(rs.getString("status")),
                rs.getBoolean("exercise"), rs.getString("description"),
                json.readValue(rs.getString("area"), EmergencyArea.class), rs.getString("org_path"),
                instant(rs, "declared_at"), rs.getString("declared_by"), instant(rs, "updated_at"),
                instant(rs, "closed_at"), rs.getString("status_reason"), rs.getString("cap_sender"),
                rs.getString("cap_identifier"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
