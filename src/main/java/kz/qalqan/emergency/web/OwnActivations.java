package kz.qalqan.emergency.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** A member's own activations with the title of their emergency: what the member sees on the emergencies page. */
@Repository
class OwnActivations {

    /** One activation as its member sees it. */
    record OwnActivation(long emergencyId, String title, boolean exercise, String emergencyStatus, String status,
                         Instant orderedAt, Instant answeredAt, String orgPath) {
    }

    private final JdbcClient jdbc;

    OwnActivations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OwnActivation> of(long memberId) {
        return jdbc.sql("""
                        select a.emergency_id, e.title, e.exercise, e.status as emergency_status, a.status, a.ordered_at,
                               a.answered_at, a.org_path
                        from emergency.activation a join emergency.emergency e on e.id = a.emergency_id
                        where a.member_id = ?
                        order by a.ordered_at desc
                        limit 100""")
                .param(memberId)
                .query((rs, n) -> new OwnActivation(rs.getLong("emergency_id"), rs.getString("title"),
                        rs.getBoolean("exercise"), rs.getString("emergency_status"), rs.getString("status"),
                        rs.getTimestamp("ordered_at").toInstant(),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                        rs.getString("org_path")))
                .list();
    }
}
