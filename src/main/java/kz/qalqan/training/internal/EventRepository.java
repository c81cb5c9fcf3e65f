package kz.qalqan.training.internal;

import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Scope;
import kz.qalqan.shared.WorkIntensity;
import kz.qalqan.training.AttendanceStatus;
import kz.qalqan.training.Enrolment;
import kz.qalqan.training.EventStatus;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Training events and their enrolments, filtered by org path in SQL. */
@Repository
public class EventRepository {

    private static final String EVENTS = """
            select e.*, (select count(*) from training.enrolment n where n.event_id = e.id) as enrolled
            from training.event e""";

    private static final String ENROLMENTS = """
            select event_id, member_id, member_name, enrolled_at, attendance, duration_minutes, session_rpe, result,
                   recorded_by, recorded_at
            from training.enrolment""";

    private final JdbcClient jdbc;

    public EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields of an event as stored. */
    public record Row(long unitId, String unitCode, String orgPath, String title, ActivityType activityType,
                      WorkIntensity intensity, Instant startsAt, Instant endsAt, String regionCode, Double lat,
                      Double lon, String placeName, Long instructorId, int capacity, List<String> awards) {
    }

    public long insert(Row r, String actor, Instant now) {
        return jdbc.sql("""
                        insert into training.event (unit_id, unit_code, org_path, title, activity_type, intensity, starts_at,
                            ends_at, region_code, lat, lon, place_name, instructor_id, capacity, awards, created_by,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(r.unitId(), r.unitCode(), r.orgPath(), r.title(), r.activityType().name(), r.intensity().name(),
                        Timestamp.from(r.startsAt()), Timestamp.from(r.endsAt()), r.regionCode(), r.lat(), r.lon(),
                        r.placeName(), r.instructorId(), r.capacity(), r.awards().toArray(String[]::new), actor,
                        Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    public void update(long id, Row r, Instant now) {
        jdbc.sql("""
                        update training.event set unit_id = ?, unit_code = ?, org_path = ?, title = ?, activity_type = ?,
                            intensity = ?, starts_at = ?, ends_at = ?, region_code = ?, lat = ?, lon = ?, place_name = ?,
                            instructor_id = ?, capacity = ?, awards = ?, sequence = sequence + 1, updated_at = ?
                        where id = ?""")
                .params(r.unitId(), r.unitCode(), r.orgPath(), r.title(), r.activityType().name(), r.intensity().name(),
                        Timestamp.from(r.startsAt()), Timestamp.from(r.endsAt()), r.regionCode(), r.lat(), r.lon(),
                        r.placeName(), r.instructorId(), r.capacity(), r.awards().toArray(String[]::new),
                        Timestamp.from(now), id)
                .update();
    }

    /** Moves the event from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean changeStatus(long id, EventStatus from, EventStatus to, Instant now) {
        return jdbc.sql("""
                        update training.event set status = ?, sequence = sequence + 1, updated_at = ?
                        where id = ? and status = ?""")
                .params(to.name(), Timestamp.from(now), id, from.name())
                .update() == 1;
    }

    public Optional<TrainingEvent> find(long id) {
        return jdbc.sql(EVENTS + " where e.id = ?").param(id).query((rs, i) -> event(rs)).optional();
    }

    /** Locks the event row so that enrolments are counted against the capacity one at a time. */
    public void lock(long id) {
        jdbc.sql("select id from training.event where id = ? for update").param(id).query(Long.class).optional();
    }

    /**
     * Events under {@code pathPrefix} (null: anywhere) that the scope covers, starting in [from, to), in
     * start order, at most {@code limit}.
     */
    public List<TrainingEvent> search(String pathPrefix, boolean exactUnit, Long unitId, Instant from, Instant to,
                                      EventStatus status, Scope scope, int limit) {
        StringBuilder sql = new StringBuilder(EVENTS).append(" where true");
        List<Object> params = new ArrayList<>();
        if (exactUnit && unitId != null) {
            sql.append(" and e.unit_id = ?");
            params.add(unitId);
        } else if (pathPrefix != null) {
            sql.append(" and e.org_path like ?");
            params.add(like(pathPrefix));
        }
        if (from != null) {
            sql.append(" and e.ends_at > ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and e.starts_at < ?");
            params.add(Timestamp.from(to));
        }
        if (status != null) {
            sql.append(" and e.status = ?");
            params.add(status.name());
        }
        appendScope(sql, params, "e", scope);
        sql.append(" order by e.starts_at, e.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> event(rs)).list();
    }

    /** Events the member is enrolled in, starting in [from, to). */
    public List<TrainingEvent> ofMember(long memberId, Instant from, Instant to) {
        return jdbc.sql(EVENTS + " " + """
                         where e.id in (select event_id from training.enrolment where member_id = ?)
                           and e.ends_at > ? and e.starts_at < ?
                         order by e.starts_at, e.id""")
                .params(memberId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, i) -> event(rs)).list();
    }

    public boolean enrolled(long eventId, long memberId) {
        return jdbc.sql("select count(*) from training.enrolment where event_id = ? and member_id = ?")
                .params(eventId, memberId).query(Long.class).single() > 0;
    }

    public void enrol(long eventId, long memberId, String name, String orgPath, String actor, Instant now) {
        jdbc.sql("""
                        insert into training.enrolment (event_id, member_id, member_name, org_path, enrolled_by, enrolled_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(eventId, memberId, name, orgPath, actor, Timestamp.from(now)).update();
    }

    public boolean withdraw(long eventId, long memberId) {
        return jdbc.sql("delete from training.enrolment where event_id = ? and member_id = ? and attendance is null")
                .params(eventId, memberId).update() == 1;
    }

    public List<Enrolment> enrolments(long eventId) {
        return jdbc.sql(ENROLMENTS + " where event_id = ? order by member_name, member_id").param(eventId)
                .query((rs, i) -> enrolment(rs)).list();
    }

    public Optional<Enrolment> enrolment(long eventId, long memberId) {
        return jdbc.sql(ENROLMENTS + " where event_id = ? and member_id = ?").params(eventId, memberId)
                .query((rs, i) -> enrolment(rs)).optional();
    }

    public Optional<String> memberPath(long eventId, long memberId) {
        return jdbc.sql("select org_path from training.enrolment where event_id = ? and member_id = ?")
                .params(eventId, memberId).query(String.class).optional();
    }

    public void recordAttendance(long eventId, long memberId, EventRules.CheckedAttendance a, String actor, Instant now) {
        jdbc.sql("""
                        update training.enrolment set attendance = ?, duration_minutes = ?, session_rpe = ?, result = ?,
                            recorded_by = ?, recorded_at = ?
                        where event_id = ? and member_id = ?""")
                .params(a.attendance().name(), a.durationMinutes(), a.sessionRpe(), a.result().name(), actor,
                        Timestamp.from(now), eventId, memberId)
                .update();
    }

    /** Session loads of a member summed per Kazakhstan calendar day, from {@code from} to {@code to} inclusive. */
    public List<DailyLoad> dailyLoads(long memberId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select (e.starts_at at time zone 'Asia/Almaty')::date as day,
                               sum(n.duration_minutes * n.session_rpe) as load
                        from training.enrolment n join training.event e on e.id = n.event_id
                        where n.member_id = ? and n.attendance = 'PRESENT' and n.session_rpe is not null
                          and (e.starts_at at time zone 'Asia/Almaty')::date between ? and ?
                        group by 1 order by 1""")
                .params(memberId, from, to)
                .query((rs, i) -> new DailyLoad(memberId,
                        rs.getObject("day", LocalDate.class), rs.getLong("load")))
                .list();
    }

    /** Session loads of many members per day (for flags of a whole unit in one query). */
    public List<DailyLoad> dailyLoads(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select n.member_id, (e.starts_at at time zone 'Asia/Almaty')::date as day,
                               sum(n.duration_minutes * n.session_rpe) as load
                        from training.enrolment n join training.event e on e.id = n.event_id
                        where n.member_id = any(?) and n.attendance = 'PRESENT' and n.session_rpe is not null
                          and (e.starts_at at time zone 'Asia/Almaty')::date between ? and ?
                        group by 1, 2 order by 1, 2""")
                .params(memberIds.toArray(Long[]::new), from, to)
                .query((rs, i) -> new DailyLoad(rs.getLong("member_id"), rs.getObject("day", LocalDate.class),
                        rs.getLong("load")))
                .list();
    }

    /** Distinct Kazakhstan days in [from, to] on which each member was PRESENT at a training event other than CLASSROOM. */
    public Map<Long, Integer> outdoorDays(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        Map<Long, Integer> days = new HashMap<>();
        if (memberIds.isEmpty()) {
            return days;
        }
        jdbc.sql("""
                        select n.member_id, count(distinct (e.starts_at at time zone 'Asia/Almaty')::date) as days
                        from training.enrolment n join training.event e on e.id = n.event_id
                        where n.member_id = any(?) and n.attendance = 'PRESENT' and e.activity_type <> 'CLASSROOM'
                          and (e.starts_at at time zone 'Asia/Almaty')::date between ? and ?
                        group by 1""")
                .params(memberIds.toArray(Long[]::new), from, to)
                .query((rs, i) -> days.put(rs.getLong("member_id"), rs.getInt("days")))
                .list();
        return days;
    }

    public record DailyLoad(long memberId, LocalDate day, long load) {
    }

    /** Person-days of attendance per unit, activity type and month under {@code pathPrefix}, months in [from, to]. */
    public List<ExposureRow> exposure(String pathPrefix, LocalDate from, LocalDate to, Scope scope) {
        StringBuilder sql = new StringBuilder("""
                select e.unit_id, e.unit_code, e.activity_type,
                       date_trunc('month', e.starts_at at time zone 'Asia/Almaty')::date as month,
                       sum(greatest(1, (e.ends_at at time zone 'Asia/Almaty')::date
                                       - (e.starts_at at time zone 'Asia/Almaty')::date
                                       + case when (e.ends_at at time zone 'Asia/Almaty')::time = '00:00' then 0 else 1 end))
                           as person_days,
                       count(distinct n.member_id) as people
                from training.enrolment n join training.event e on e.id = n.event_id
                where n.attendance = 'PRESENT'
                  and (e.starts_at at time zone 'Asia/Almaty')::date between ? and ?""");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (pathPrefix != null) {
            sql.append(" and e.org_path like ?");
            params.add(like(pathPrefix));
        }
        appendScope(sql, params, "e", scope);
        sql.append(" group by 1, 2, 3, 4 order by 4, 2, 3");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new ExposureRow(rs.getLong("unit_id"), rs.getString("unit_code"),
                        ActivityType.valueOf(rs.getString("activity_type")), rs.getObject("month", LocalDate.class),
                        rs.getLong("person_days"), rs.getLong("people")))
                .list();
    }

    public record ExposureRow(long unitId, String unitCode, ActivityType activityType, LocalDate month,
                              long personDays, long people) {
    }

    public long eventCount() {
        return jdbc.sql("select count(*) from training.event").query(Long.class).single();
    }

    private static void appendScope(StringBuilder sql, List<Object> params, String alias, Scope scope) {
        if (scope.isEverything()) {
            return;
        }
        if (scope.isNothing()) {
            sql.append(" and false");
            return;
        }
        sql.append(" and ").append(alias).append(".org_path like any(?)");
        params.add(scope.likePatterns());
    }

    static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static TrainingEvent event(ResultSet rs) throws SQLException {
        java.sql.Array awards = rs.getArray("awards");
        return new TrainingEvent(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("org_path"), rs.getString("title"), ActivityType.valueOf(rs.getString("activity_type")),
                WorkIntensity.valueOf(rs.getString("intensity")), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getString("region_code"),
                rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("place_name"),
                rs.getObject("instructor_id", Long.class), rs.getInt("capacity"),
                awards == null ? List.of() : Arrays.asList((String[]) awards.getArray()),
                EventStatus.valueOf(rs.getString("status")), rs.getInt("sequence"), rs.getInt("enrolled"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Enrolment enrolment(ResultSet rs) throws SQLException {
        String attendance = rs.getString("attendance");
        String result = rs.getString("result");
        Timestamp recordedAt = rs.getTimestamp("recorded_at");
        return new Enrolment(rs.getLong("event_id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getTimestamp("enrolled_at").toInstant(),
                attendance == null ? null : AttendanceStatus.valueOf(attendance),
                rs.getObject("duration_minutes", Integer.class), rs.getObject("session_rpe", Integer.class),
                result == null ? null : TrainingResult.valueOf(result), rs.getString("recorded_by"),
                recordedAt == null ? null : recordedAt.toInstant());
    }
}
