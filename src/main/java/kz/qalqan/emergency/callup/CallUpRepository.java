package kz.qalqan.emergency.callup;

import kz.qalqan.notification.Answer;
import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Call-ups sent, stand-downs sent, and the activation rows they change ({@code emergency.callup/standdown/activation}). */
@Repository
class CallUpRepository {

    record Row(long emergencyId, long callUpId, String correlationId, String orderedBy, Instant orderedAt, int members,
               int queued, int duplicates, int unreachable) {
    }

    private final JdbcClient jdbc;

    CallUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long emergencyId, long callUpId) {
        return jdbc.sql("select count(*) from emergency.callup where emergency_id = ? and callup_id = ?")
                .params(emergencyId, callUpId).query(Long.class).single() > 0;
    }

    void insert(Row r) {
        jdbc.sql("""
                        insert into emergency.callup (emergency_id, callup_id, correlation_id, ordered_by, ordered_at,
                                                      members, queued, duplicates, unreachable)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(r.emergencyId(), r.callUpId(), r.correlationId(), r.orderedBy(), Timestamp.from(r.orderedAt()),
                        r.members(), r.queued(), r.duplicates(), r.unreachable())
                .update();
    }

    List<Row> callUps(long emergencyId) {
        return jdbc.sql("""
                        select emergency_id, callup_id, correlation_id, ordered_by, ordered_at, members, queued, duplicates,
                               unreachable
                        from emergency.callup where emergency_id = ? order by ordered_at, callup_id""")
                .param(emergencyId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
                .list();
    }

    /** Activation rows for members ordered without one (the selection normally writes them first). */
    int ensureActivations(long emergencyId, List<Long> memberIds, List<String> orgPaths, Instant at, String by) {
        return jdbc.sql("""
                        insert into emergency.activation (emergency_id, member_id, org_path, status, ordered_at, ordered_by)
                        select :emergency, m.id, m.path, 'ORDERED', :at, :by
                        from unnest(cast(:ids as bigint[]), cast(:paths as text[])) as m (id, path)
                        on conflict (emergency_id, member_id) do nothing""")
                .param("emergency", emergencyId).param("at", Timestamp.from(at)).param("by", by)
                .param("ids", memberIds.toArray(Long[]::new)).param("paths", orgPaths.toArray(String[]::new))
                .update();
    }

    /** Stores an answer on the member's activation, unless they were released meanwhile; the activation's org path. */
    Optional<String> answer(long emergencyId, long memberId, Answer answer, String reason, Instant at) {
        String status = switch (answer) {
            case ACCEPT -> "ACCEPTED";
            case DECLINE -> "DECLINED";
            case UNABLE -> "UNABLE";
        };
        return jdbc.sql("""
                        update emergency.activation set status = ?, answered_at = ?, reason = ?
                        where emergency_id = ? and member_id = ? and status in ('ORDERED', 'ACCEPTED', 'DECLINED', 'UNABLE')
                        returning org_path""")
                .params(status, Timestamp.from(at), reason, emergencyId, memberId).query(String.class).optional();
    }

    /** Releases every activated (ORDERED or ACCEPTED) member of the emergency; their ids. */
    List<Long> release(long emergencyId, Instant at) {
        return jdbc.sql("""
                        update emergency.activation set status = 'RELEASED', released_at = ?
                        where emergency_id = ? and status in ('ORDERED', 'ACCEPTED')
                        returning member_id""")
                .params(Timestamp.from(at), emergencyId).query(Long.class).list();
    }

    int nextStandDown(long emergencyId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from emergency.standdown where emergency_id = ?")
                .param(emergencyId).query(Integer.class).single();
    }

    void insertStandDown(long emergencyId, int seq, String status, int members, int queued, Instant at) {
        jdbc.sql("insert into emergency.standdown (emergency_id, seq, status, members, queued, at) values (?, ?, ?, ?, ?, ?)")
                .params(emergencyId, seq, status, members, queued, Timestamp.from(at)).update();
    }

    /** Activations of the emergency by status, over the members in the scope. */
    Map<String, Long> activations(long emergencyId, Scope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("ORDERED", "ACCEPTED", "DECLINED", "UNABLE", "RELEASED")) {
            counts.put(s, 0L);
        }
        if (scope.isNothing()) {
            return counts;
        }
        StringBuilder sql = new StringBuilder("select status, count(*) from emergency.activation where emergency_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(emergencyId);
        if (!scope.isEverything()) {
            sql.append(" and (");
            String or = "";
            for (String prefix : scope.prefixes()) {
                sql.append(or).append("org_path like ?");
                params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                or = " or ";
            }
            sql.append(")");
        }
        sql.append(" group by status");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
