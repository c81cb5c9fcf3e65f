package kz.qalqan.emergency.sitrep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The SITREP's figures, counted in the database. Accountability (emergency.accountability) is read only when the
 * table exists, so the report works before that feature is installed.
 */
@Repository
class SitrepRepository {

    private final JdbcClient jdbc;

    SitrepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean accountabilityAvailable() {
        return jdbc.sql("select to_regclass('emergency.accountability') is not null").query(Boolean.class).single();
    }

    /** Activation figures; accounted and injured are filled in by {@link #accountability}. */
    Sitrep.Figures activations(long emergencyId) {
        return jdbc.sql("""
                        select count(*),
                               count(*) filter (where answered_at is not null or status in ('ACCEPTED', 'DECLINED', 'UNABLE')),
                               count(*) filter (where status = 'ACCEPTED'),
                               count(*) filter (where status = 'DECLINED'),
                               count(*) filter (where status = 'UNABLE'),
                               count(arrived_at)
                        from emergency.activation where emergency_id = ?""")
                .param(emergencyId)
                .query((rs, n) -> new Sitrep.Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), 0, 0))
                .single();
    }

    /** [accounted, injured]: members whose status is no longer UNKNOWN, and those INJURED. */
    long[] accountability(long emergencyId) {
        return jdbc.sql("""
                        select count(*) filter (where status <> 'UNKNOWN'), count(*) filter (where status = 'INJURED')
                        from emergency.accountability where emergency_id = ?""")
                .param(emergencyId)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }

    /**
     * Cumulative figures per hour from {@code from} to {@code to} (both hour starts); anything before {@code from}
     * counts in the first hour.
     */
    List<Sitrep.Point> timeline(long emergencyId, Instant from, Instant to, boolean withAccountability) {
        String accounted = withAccountability ? """
                union all
                select greatest(date_trunc('hour', status_at, 'UTC'), :from), 0, 0, 0, 1 from emergency.accountability
                where emergency_id = :id and status <> 'UNKNOWN' and status_at is not null""" : "";
        return jdbc.sql("""
                        with hours as (
                            select generate_series(cast(:from as timestamptz), cast(:to as timestamptz), interval '1 hour') as t),
                        happened as (
                            select greatest(date_trunc('hour', ordered_at, 'UTC'), :from) as t, 1 as act, 0 as ans, 0 as arr, 0 as acc
                            from emergency.activation where emergency_id = :id
                            union all
                            select greatest(date_trunc('hour', answered_at, 'UTC'), :from), 0, 1, 0, 0 from emergency.activation
                            where emergency_id = :id and answered_at is not null
                            union all
                            select greatest(date_trunc('hour', arrived_at, 'UTC'), :from), 0, 0, 1, 0 from emergency.activation
                            where emergency_id = :id and arrived_at is not null
                            %s),
                        per_hour as (
                            select t, sum(act) as act, sum(ans) as ans, sum(arr) as arr, sum(acc) as acc from happened group by t)
                        select h.t,
                               sum(coalesce(p.act, 0)) over w, sum(coalesce(p.ans, 0)) over w,
                               sum(coalesce(p.arr, 0)) over w, sum(coalesce(p.acc, 0)) over w
                        from hours h left join per_hour p on p.t = h.t
                        window w as (order by h.t)
                        order by h.t""".formatted(accounted))
                .param("id", emergencyId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Sitrep.Point(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
