package kz.qalqan.emergency.tasking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks, teams, check-ins and shifts of the emergencies, and the activations they are formed from. */
@Repository
class TaskingRepository {

    private static final String TASK_COLUMNS = """
            id, emergency_id, type, title, description, priority, status, lat, lon, location, staging_point,
            created_by, created_at, updated_at""";
    private static final String CHECKIN_COLUMNS = """
            id, emergency_id, member_id, staging_point, checked_in_at, checked_in_by, self_reported, checked_out_at,
            checked_out_by""";
    private static final String SHIFT_COLUMNS = """
            id, emergency_id, member_id, starts_at, ends_at, task_id, team_id, override_reason, created_by, created_at""";

    /** A member's activation in an emergency: ORDERED and ACCEPTED count as activated. */
    record Activation(long memberId, String status, String orgPath) {
        boolean activated() {
            return status.equals("ORDERED") || status.equals("ACCEPTED");
        }
    }

    /** A team row with its current members. */
    record TeamRow(long id, long emergencyId, String name, Long leaderMemberId, Long taskId, String createdBy,
                   Instant createdAt) {
    }

    record Membership(long teamId, long memberId, Instant joinedAt) {
    }

    /** An open check-in with where the member was last tasked. */
    record OpenCheckIn(long memberId, String orgPath, Instant checkedInAt, String stagingPoint, Long teamId,
                       String teamName, Long taskId, String taskTitle) {
    }

    private final JdbcClient jdbc;

    TaskingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- activations ---

    String emergencyTitle(long emergencyId) {
        return jdbc.sql("select title from emergency.emergency where id = ?").param(emergencyId).query(String.class).single();
    }

    /** The emergency's status, for members who may not watch it (self check-in). */
    String emergencyPath(long emergencyId) {
        return jdbc.sql("select org_path from emergency.emergency where id = ?").param(emergencyId).query(String.class).single();
    }

    kz.qalqan.emergency.EmergencyStatus emergencyStatus(long emergencyId) {
        return jdbc.sql("select status from emergency.emergency where id = ?").param(emergencyId)
                .query(String.class).optional().map(kz.qalqan.emergency.EmergencyStatus::valueOf)
                .orElseThrow(() -> new kz.qalqan.platform.NotFoundException("No emergency " + emergencyId));
    }

    Optional<Activation> activation(long emergencyId, long memberId) {
        return jdbc.sql("select member_id, status, org_path from emergency.activation where emergency_id = ? and member_id = ?")
                .params(emergencyId, memberId)
                .query((rs, n) -> new Activation(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The activations of these members in the emergency, in one query. */
    Map<Long, Activation> activations(long emergencyId, java.util.Collection<Long> memberIds) {
        Map<Long, Activation> found = new java.util.HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("select member_id, status, org_path from emergency.activation where emergency_id = ? and member_id = any(?)")
                    .params(emergencyId, memberIds.toArray(Long[]::new))
                    .query((rs, n) -> new Activation(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list().forEach(a -> found.put(a.memberId(), a));
        }
        return found;
    }

    void lockActivation(long emergencyId, long memberId) {
        jdbc.sql("select id from emergency.activation where emergency_id = ? and member_id = ? for update")
                .params(emergencyId, memberId).query(Long.class).optional();
    }

    /** Activated members, ACCEPTED first (they said they come), then ORDERED. */
    List<Activation> activated(long emergencyId) {
        return jdbc.sql("""
                        select member_id, status, org_path from emergency.activation
                        where emergency_id = ? and status in ('ORDERED', 'ACCEPTED')
                        order by status = 'ACCEPTED' desc, member_id""")
                .param(emergencyId)
                .query((rs, n) -> new Activation(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    void markArrived(long emergencyId, long memberId, Instant at) {
        jdbc.sql("update emergency.activation set arrived_at = ? where emergency_id = ? and member_id = ? and arrived_at is null")
                .params(Timestamp.from(at), emergencyId, memberId).update();
    }

    // --- tasks ---

    long insertTask(long emergencyId, String orgPath, TaskCommand c, String title, int priority, String actor, Instant at) {
        return jdbc.sql("""
                        insert into emergency.task (emergency_id, org_path, type, title, description, priority, status,
                                                    lat, lon, location, staging_point, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(emergencyId, orgPath, c.type().name(), title, blankToNull(c.description()), priority, c.lat(), c.lon(),
                        blankToNull(c.location()), blankToNull(c.stagingPoint()), actor, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Task> task(long emergencyId, long taskId) {
        return jdbc.sql("select " + TASK_COLUMNS + " from emergency.task where emergency_id = ? and id = ?")
                .params(emergencyId, taskId).query(TaskingRepository::task).optional();
    }

    List<Task> tasks(long emergencyId) {
        return jdbc.sql("select " + TASK_COLUMNS + " from emergency.task where emergency_id = ? order by priority, id")
                .param(emergencyId).query(TaskingRepository::task).list();
    }

    void setTaskStatus(long taskId, TaskStatus status, Instant at) {
        jdbc.sql("update emergency.task set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(at), taskId).update();
    }

    Map<TaskStatus, Long> taskCounts(long emergencyId) {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from emergency.task where emergency_id = ? group by status")
                .param(emergencyId)
                .query(rs -> {
                    counts.put(TaskStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    // --- teams ---

    long insertTeam(long emergencyId, String name, Long leader, Long taskId, String actor, Instant at) {
        return jdbc.sql("""
                        insert into emergency.team (emergency_id, name, leader_member_id, task_id, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(emergencyId, name, leader, taskId, actor, Timestamp.from(at)).query(Long.class).single();
    }

    Optional<TeamRow> team(long emergencyId, long teamId) {
        return jdbc.sql("""
                        select id, emergency_id, name, leader_member_id, task_id, created_by, created_at
                        from emergency.team where emergency_id = ? and id = ?""")
                .params(emergencyId, teamId).query(TaskingRepository::team).optional();
    }

    List<TeamRow> teams(long emergencyId) {
        return jdbc.sql("""
                        select id, emergency_id, name, leader_member_id, task_id, created_by, created_at
                        from emergency.team where emergency_id = ? order by id""")
                .param(emergencyId).query(TaskingRepository::team).list();
    }

    List<Membership> memberships(long emergencyId) {
        return jdbc.sql("""
                        select team_id, member_id, joined_at from emergency.team_member
                        where emergency_id = ? and left_at is null order by joined_at, member_id""")
                .param(emergencyId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getLong(2), instant(rs, 3))).list();
    }

    /** Puts the member into the team, ending a membership of another team of the same emergency. */
    void join(long teamId, long emergencyId, long memberId, String orgPath, Instant at) {
        jdbc.sql("""
                        update emergency.team_member set left_at = ?
                        where emergency_id = ? and member_id = ? and left_at is null and team_id <> ?""")
                .params(Timestamp.from(at), emergencyId, memberId, teamId).update();
        jdbc.sql("""
                        insert into emergency.team_member (team_id, emergency_id, member_id, org_path, joined_at)
                        values (?, ?, ?, ?, ?) on conflict (emergency_id, member_id) where left_at is null do nothing""")
                .params(teamId, emergencyId, memberId, orgPath, Timestamp.from(at)).update();
    }

    Optional<Long> currentTeam(long emergencyId, long memberId) {
        return jdbc.sql("select team_id from emergency.team_member where emergency_id = ? and member_id = ? and left_at is null")
                .params(emergencyId, memberId).query(Long.class).optional();
    }

    void setTeamTask(long teamId, Long taskId) {
        jdbc.sql("update emergency.team set task_id = ? where id = ?").params(taskId, teamId).update();
    }

    void setLeader(long teamId, Long leader) {
        jdbc.sql("update emergency.team set leader_member_id = ? where id = ?").params(leader, teamId).update();
    }

    // --- check-in ---

    Optional<CheckIn> openCheckIn(long emergencyId, long memberId) {
        return jdbc.sql("select " + CHECKIN_COLUMNS + " from emergency.checkin where emergency_id = ? and member_id = ? and checked_out_at is null")
                .params(emergencyId, memberId).query(TaskingRepository::checkIn).optional();
    }

    long insertCheckIn(long emergencyId, long memberId, String orgPath, String stagingPoint, Instant at, String actor,
                       boolean self) {
        return jdbc.sql("""
                        insert into emergency.checkin (emergency_id, member_id, org_path, staging_point, checked_in_at,
                                                       checked_in_by, self_reported)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(emergencyId, memberId, orgPath, stagingPoint, Timestamp.from(at), actor, self)
                .query(Long.class).single();
    }

    void checkOut(long checkInId, Instant at, String actor) {
        jdbc.sql("update emergency.checkin set checked_out_at = ?, checked_out_by = ? where id = ?")
                .params(Timestamp.from(at), actor, checkInId).update();
    }

    Optional<CheckIn> checkIn(long id) {
        return jdbc.sql("select " + CHECKIN_COLUMNS + " from emergency.checkin where id = ?").param(id)
                .query(TaskingRepository::checkIn).optional();
    }

    List<CheckIn> checkIns(long emergencyId) {
        return jdbc.sql("select " + CHECKIN_COLUMNS + " from emergency.checkin where emergency_id = ? order by checked_in_at desc, id desc limit 1000")
                .param(emergencyId).query(TaskingRepository::checkIn).list();
    }

    /** Everyone checked in and not checked out, with their current team and its task. */
    List<OpenCheckIn> openCheckIns(long emergencyId) {
        return jdbc.sql("""
                        select c.member_id, c.org_path, c.checked_in_at, coalesce(c.staging_point, t.staging_point),
                               tm.team_id, te.name, t.id, t.title
                        from emergency.checkin c
                        left join emergency.team_member tm
                               on tm.emergency_id = c.emergency_id and tm.member_id = c.member_id and tm.left_at is null
                        left join emergency.team te on te.id = tm.team_id
                        left join emergency.task t on t.id = te.task_id
                        where c.emergency_id = ? and c.checked_out_at is null
                        order by c.checked_in_at, c.member_id""")
                .param(emergencyId)
                .query((rs, n) -> new OpenCheckIn(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8)))
                .list();
    }

    int openCheckInCount(long emergencyId) {
        return jdbc.sql("select count(*) from emergency.checkin where emergency_id = ? and checked_out_at is null")
                .param(emergencyId).query(Integer.class).single();
    }

    /** Takes the left-behind report (everyone still checked in) at {@code at}; answers how many were out. */
    int recordLeftBehind(long emergencyId, Instant at) {
        long report = jdbc.sql("""
                        insert into emergency.left_behind_report (emergency_id, reported_at, people)
                        values (?, ?, (select count(*) from emergency.checkin where emergency_id = ? and checked_out_at is null))
                        returning id""")
                .params(emergencyId, Timestamp.from(at), emergencyId).query(Long.class).single();
        return jdbc.sql("""
                        insert into emergency.left_behind (report_id, member_id, org_path, checked_in_at, staging_point,
                                                           team_id, task_id)
                        select ?, c.member_id, c.org_path, c.checked_in_at, c.staging_point, tm.team_id, te.task_id
                        from emergency.checkin c
                        left join emergency.team_member tm
                               on tm.emergency_id = c.emergency_id and tm.member_id = c.member_id and tm.left_at is null
                        left join emergency.team te on te.id = tm.team_id
                        where c.emergency_id = ? and c.checked_out_at is null""")
                .params(report, emergencyId).update();
    }

    /** When the last stand-down report was taken and how many it listed; empty before any. */
    Optional<Map.Entry<Instant, Integer>> lastLeftBehindReport(long emergencyId) {
        return jdbc.sql("""
                        select reported_at, people from emergency.left_behind_report
                        where emergency_id = ? order by reported_at desc, id desc limit 1""")
                .param(emergencyId)
                .query((rs, n) -> Map.entry(instant(rs, 1), rs.getInt(2))).optional();
    }

    // --- shifts ---

    /** The member's shifts (any emergency) that end after {@code from} and start before {@code to}. */
    List<FatigueCheck.Span> spans(long memberId, Instant from, Instant to) {
        return jdbc.sql("""
                        select starts_at, ends_at from emergency.shift
                        where member_id = ? and not cancelled and ends_at > ? and starts_at < ?
                        order by starts_at""")
                .params(memberId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new FatigueCheck.Span(instant(rs, 1), instant(rs, 2))).list();
    }

    long insertShift(long emergencyId, long memberId, String orgPath, ShiftCommand c, String overrideReason,
                     String actor, Instant at) {
        return jdbc.sql("""
                        insert into emergency.shift (emergency_id, member_id, org_path, starts_at, ends_at, task_id, team_id,
                                                     override_reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(emergencyId, memberId, orgPath, Timestamp.from(c.startsAt()), Timestamp.from(c.endsAt()),
                        c.taskId(), c.teamId(), overrideReason, actor, Timestamp.from(at))
                .query(Long.class).single();
    }

    List<Shift> shifts(long emergencyId) {
        return jdbc.sql("select " + SHIFT_COLUMNS + " from emergency.shift where emergency_id = ? and not cancelled order by starts_at, id limit 2000")
                .param(emergencyId).query(TaskingRepository::shift).list();
    }

    // --- mapping ---

    private static Task task(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("emergency_id"), TaskType.valueOf(rs.getString("type")),
                rs.getString("title"), rs.getString("description"), rs.getInt("priority"),
                TaskStatus.valueOf(rs.getString("status")), (Double) rs.getObject("lat"), (Double) rs.getObject("lon"),
                rs.getString("location"), rs.getString("staging_point"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static TeamRow team(ResultSet rs, int n) throws SQLException {
        return new TeamRow(rs.getLong("id"), rs.getLong("emergency_id"), rs.getString("name"),
                (Long) rs.getObject("leader_member_id"), (Long) rs.getObject("task_id"), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static CheckIn checkIn(ResultSet rs, int n) throws SQLException {
        return new CheckIn(rs.getLong("id"), rs.getLong("emergency_id"), rs.getLong("member_id"),
                rs.getString("staging_point"), instant(rs, "checked_in_at"), rs.getString("checked_in_by"),
                rs.getBoolean("self_reported"), instant(rs, "checked_out_at"), rs.getString("checked_out_by"));
    }

    private static Shift shift(ResultSet rs, int n) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getLong("emergency_id"), rs.getLong("member_id"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), (Long) rs.getObject("task_id"), (Long) rs.getObject("team_id"),
                rs.getString("override_reason"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
