package kz.qalqan.emergency.accountability.internal;

import kz.qalqan.emergency.accountability.AccountabilityEntry;
import kz.qalqan.emergency.accountability.AccountabilityStatus;
import kz.qalqan.emergency.accountability.AssistanceCase;
import kz.qalqan.emergency.accountability.RollUp;
import kz.qalqan.registry.Placements;
import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accountability roll, its history, the assistance cases and the change counter. Reads for people are filtered
 * by the caller's scope in SQL ({@code org_path like any(…)}); "on the roll" means in the area, or reported on
 * (a member a revision moved out keeps their report, an unanswered one drops off).
 */
@Repository
public class AccountabilityRepository {

    static final String ON_ROLL = "(a.in_area or a.status <> 'UNKNOWN')";

    private final JdbcClient jdbc;

    AccountabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the residents on the roll as UNKNOWN (one INSERT … SELECT over arrays); members already there are marked
     * in the area again and keep their status. Members on the roll through the area but no longer in it are marked
     * out of it. Answers how many were added.
     */
    public int enrol(long emergencyId, List<Placements.Resident> residents, Instant now) {
        Long[] ids = residents.stream().map(Placements.Resident::memberId).toArray(Long[]::new);
        int added = jdbc.sql("""
                        insert into emergency.accountability (emergency_id, member_id, org_path, region_code, unit_id,
                                                              district_id, lat, lon, status, status_at, in_area, added_at)
                        select ?, r.member_id, r.org_path, r.region_code, r.unit_id, r.district_id, r.lat, r.lon,
                               'UNKNOWN', ?, true, ?
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::int[], ?::float8[], ?::float8[])
                             as r(member_id, org_path, region_code, unit_id, district_id, lat, lon)
                        on conflict (emergency_id, member_id) do update set in_area = true,
                            org_path = excluded.org_path, region_code = excluded.region_code, unit_id = excluded.unit_id,
                            district_id = excluded.district_id, lat = excluded.lat, lon = excluded.lon
                        where not emergency.accountability.in_area""")
                .params(emergencyId, Timestamp.from(now), Timestamp.from(now), ids,
                        residents.stream().map(Placements.Resident::orgPath).toArray(String[]::new),
                        residents.stream().map(Placements.Resident::regionCode).toArray(String[]::new),
                        residents.stream().map(Placements.Resident::unitId).toArray(Long[]::new),
                        residents.stream().map(Placements.Resident::districtId).toArray(Integer[]::new),
                        residents.stream().map(Placements.Resident::lat).toArray(Double[]::new),
                        residents.stream().map(Placements.Resident::lon).toArray(Double[]::new))
                .update();
        jdbc.sql("""
                        update emergency.accountability set in_area = false
                        where emergency_id = ? and in_area and not (member_id = any(?))""")
                .params(emergencyId, ids).update();
        return added;
    }

    /** Adds a member who is not on the roll (staff report someone from elsewhere; a link of a member off the roll). */
    public void addOutsider(long emergencyId, long memberId, String orgPath, String regionCode, Long unitId,
                            Integer districtId, Double lat, Double lon, Instant now) {
        jdbc.sql("""
                        insert into emergency.accountability (emergency_id, member_id, org_path, region_code, unit_id,
                                                              district_id, lat, lon, status, status_at, in_area, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'UNKNOWN', ?, false, ?)
                        on conflict (emergency_id, member_id) do nothing""")
                .params(emergencyId, memberId, orgPath, regionCode, unitId, districtId, lat, lon, Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Takes the emergency's row in KEY SHARE mode. Every write here takes it first, before the audit chain's head:
     * the emergency's own changes lock the row and then audit, and rows referencing it lock it through their foreign
     * key, so taking it first keeps one lock order everywhere (no deadlock).
     */
    public void holdEmergency(long emergencyId) {
        jdbc.sql("select id from emergency.emergency where id = ? for key share").param(emergencyId).query(Long.class).list();
    }

    public Optional<AccountabilityEntry> find(long emergencyId, long memberId) {
        return jdbc.sql(ENTRY + " where a.emergency_id = ? and a.member_id = ?")
                .params(emergencyId, memberId).query(this::entry).optional();
    }

    private static final String ENTRY = """
            select a.emergency_id, a.member_id, a.org_path, a.status, a.status_at, a.reported_by, a.on_behalf, a.note,
                   a.in_area, (select c.id from emergency.assistance_case c
                               where c.emergency_id = a.emergency_id and c.member_id = a.member_id and c.status <> 'CLOSED')
            from emergency.accountability a""";

    private AccountabilityEntry entry(ResultSet rs, int row) throws SQLException {
        AccountabilityStatus status = AccountabilityStatus.valueOf(rs.getString(4));
        return new AccountabilityEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), status, instant(rs, 5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getObject(10, Long.class),
                status == AccountabilityStatus.INJURED ? "/incidents/new" : null);
    }

    /** Sets the current status and keeps the report in the history. */
    public void report(long emergencyId, long memberId, String orgPath, AccountabilityStatus status, String note,
                       String reportedBy, boolean onBehalf, String via, Instant now) {
        jdbc.sql("""
                        update emergency.accountability set status = ?, status_at = ?, reported_by = ?, on_behalf = ?,
                               note = ?, accounted_at = coalesce(accounted_at, ?)
                        where emergency_id = ? and member_id = ?""")
                .params(status.name(), Timestamp.from(now), reportedBy, onBehalf, note, Timestamp.from(now), emergencyId,
                        memberId)
                .update();
        jdbc.sql("""
                        insert into emergency.accountability_report (emergency_id, member_id, org_path, status, note,
                                                                     reported_at, reported_by, on_behalf, via)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(emergencyId, memberId, orgPath, status.name(), note, Timestamp.from(now), reportedBy, onBehalf, via)
                .update();
    }

    /** A member's reports, oldest first. */
    public List<Map<String, Object>> history(long emergencyId, long memberId) {
        return jdbc.sql("""
                        select status, note, reported_at, reported_by, on_behalf, via from emergency.accountability_report
                        where emergency_id = ? and member_id = ? order by reported_at, id""")
                .params(emergencyId, memberId)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", rs.getString(1));
                    m.put("note", rs.getString(2));
                    m.put("reportedAt", instant(rs, 3));
                    m.put("reportedBy", rs.getString(4));
                    m.put("onBehalf", rs.getBoolean(5));
                    m.put("via", rs.getString(6));
                    return m;
                }).list();
    }

    /** Opens an assistance case, or adds the new need to the member's open one. Answers the case id. */
    public long openCase(long emergencyId, long memberId, String orgPath, String need, Instant now) {
        return jdbc.sql("""
                        insert into emergency.assistance_case (emergency_id, member_id, org_path, opened_at, need, status,
                                                               updated_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?)
                        on conflict (emergency_id, member_id) where status <> 'CLOSED' do update
                            set need = coalesce(excluded.need, emergency.assistance_case.need), updated_at = excluded.updated_at
                        returning id""")
                .params(emergencyId, memberId, orgPath, Timestamp.from(now), need, Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<AssistanceCase> lockCase(long emergencyId, long caseId) {
        return jdbc.sql(CASE + " where emergency_id = ? and id = ? for update").params(emergencyId, caseId)
                .query(CASE_ROW).optional();
    }

    public void updateCase(long caseId, AssistanceCase.CaseStatus status, String assignedTo, String outcome, Instant now) {
        jdbc.sql("""
                        update emergency.assistance_case set status = ?, assigned_to = coalesce(?, assigned_to),
                               outcome = coalesce(?, outcome), updated_at = ?,
                               closed_at = ?
                        where id = ?""")
                .params(status.name(), assignedTo, outcome, Timestamp.from(now),
                        status == AssistanceCase.CaseStatus.CLOSED ? Timestamp.from(now) : null, caseId)
                .update();
    }

    /** The cases in scope: open ones first, then the newest. */
    public List<AssistanceCase> cases(long emergencyId, Scope scope, int limit) {
        return jdbc.sql(CASE + " where emergency_id = ? and org_path like any(?)"
                        + " order by (status = 'CLOSED'), opened_at desc, id desc limit ?")
                .params(emergencyId, scope.likePatterns(), limit).query(CASE_ROW).list();
    }

    private static final String CASE = """
            select id, emergency_id, member_id, org_path, opened_at, need, assigned_to, status, updated_at, closed_at,
                   outcome from emergency.assistance_case""";

    private static final RowMapper<AssistanceCase> CASE_ROW = (rs, n) -> new AssistanceCase(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getString(4), instant(rs, 5), rs.getString(6), rs.getString(7),
            AssistanceCase.CaseStatus.valueOf(rs.getString(8)), instant(rs, 9), instant(rs, 10), rs.getString(11));

    /** Bumps the emergency's change counter (the boards' streams poll it). */
    public void changed(long emergencyId, Instant now) {
        jdbc.sql("""
                        insert into emergency.accountability_change (emergency_id, seq, changed_at) values (?, 1, ?)
                        on conflict (emergency_id) do update set seq = emergency.accountability_change.seq + 1,
                                                                 changed_at = excluded.changed_at""")
                .params(emergencyId, Timestamp.from(now)).update();
    }

    /** Counts one more status check of the emergency and answers its round (1 for the first). */
    public int nextAsk(long emergencyId, Instant now) {
        return jdbc.sql("""
                        insert into emergency.accountability_change (emergency_id, seq, changed_at, asks) values (?, 1, ?, 1)
                        on conflict (emergency_id) do update set asks = emergency.accountability_change.asks + 1
                        returning asks""")
                .params(emergencyId, Timestamp.from(now)).query(Integer.class).single();
    }

    /** How many status checks were sent for the emergency. */
    public int asks(long emergencyId) {
        return jdbc.sql("select asks from emergency.accountability_change where emergency_id = ?").param(emergencyId)
                .query(Integer.class).optional().orElse(0);
    }

    public long seq(long emergencyId) {
        return jdbc.sql("select seq from emergency.accountability_change where emergency_id = ?").param(emergencyId)
                .query(Long.class).optional().orElse(0L);
    }

    /** The change counters of several emergencies at once. */
    public Map<Long, Long> seqs(Collection<Long> emergencyIds) {
        Map<Long, Long> seqs = new LinkedHashMap<>();
        jdbc.sql("select emergency_id, seq from emergency.accountability_change where emergency_id = any(?)")
                .param(emergencyIds.toArray(Long[]::new))
                .query(rs -> {
                    seqs.put(rs.getLong(1), rs.getLong(2));
                });
        return seqs;
    }

    /** Counts by status, over the whole roll in scope. */
    public Map<AccountabilityStatus, Long> countByStatus(long emergencyId, Scope scope) {
        Map<AccountabilityStatus, Long> counts = zero();
        jdbc.sql("select a.status, count(*) from emergency.accountability a where a.emergency_id = ? and " + ON_ROLL
                        + " and a.org_path like any(?) group by a.status")
                .params(emergencyId, scope.likePatterns())
                .query(rs -> {
                    counts.put(AccountabilityStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Counts by status per region code or per unit id ({@code column} is one of those two, never user input). */
    public Map<String, Map<AccountabilityStatus, Long>> countBy(long emergencyId, Scope scope, String column) {
        if (!column.equals("region_code") && !column.equals("unit_id")) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Map<AccountabilityStatus, Long>> groups = new LinkedHashMap<>();
        jdbc.sql("select coalesce(a." + column + "::text, ''), a.status, count(*) from emergency.accountability a"
                        + " where a.emergency_id = ? and " + ON_ROLL + " and a.org_path like any(?)"
                        + " group by 1, 2 order by 1")
                .params(emergencyId, scope.likePatterns())
                .query(rs -> {
                    groups.computeIfAbsent(rs.getString(1), k -> zero())
                            .put(AccountabilityStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return groups;
    }

    /** When the {@code k}-th member in scope was first accounted for (null when fewer have been). */
    public Instant kthAccounted(long emergencyId, Scope scope, long k) {
        if (k <= 0) {
            return null;
        }
        return jdbc.sql("select a.accounted_at from emergency.accountability a where a.emergency_id = ? and " + ON_ROLL
                        + " and a.org_path like any(?) and a.accounted_at is not null"
                        + " order by a.accounted_at offset ? limit 1")
                .params(emergencyId, scope.likePatterns(), k - 1)
                .query((rs, n) -> instant(rs, 1)).optional().orElse(null);
    }

    /** Members in scope still UNKNOWN, first the longest waiting, then by id; at most {@code limit}. */
    public List<Long> unknown(long emergencyId, Scope scope, int limit) {
        return jdbc.sql("select a.member_id from emergency.accountability a where a.emergency_id = ? and a.in_area"
                        + " and a.status = 'UNKNOWN' and a.org_path like any(?) order by a.status_at, a.member_id limit ?")
                .params(emergencyId, scope.likePatterns(), limit)
                .query(Long.class).list();
    }

    /** Member homes for the map, at most {@code limit}, the unaccounted and those needing help first. */
    public List<RollUp.Point> points(long emergencyId, Scope scope, int limit) {
        return jdbc.sql("select a.lat, a.lon, a.status from emergency.accountability a where a.emergency_id = ? and "
                        + ON_ROLL + " and a.org_path like any(?) and a.lat is not null and a.lon is not null"
                        + " order by case a.status when 'SAFE' then 1 else 0 end, a.member_id limit ?")
                .params(emergencyId, scope.likePatterns(), limit)
                .query((rs, n) -> new RollUp.Point(rs.getDouble(1), rs.getDouble(2),
                        AccountabilityStatus.valueOf(rs.getString(3)))).list();
    }

    public long pointCount(long emergencyId, Scope scope) {
        return jdbc.sql("select count(*) from emergency.accountability a where a.emergency_id = ? and " + ON_ROLL
                        + " and a.org_path like any(?) and a.lat is not null and a.lon is not null")
                .params(emergencyId, scope.likePatterns()).query(Long.class).single();
    }

    private static Map<AccountabilityStatus, Long> zero() {
        Map<AccountabilityStatus, Long> counts = new EnumMap<>(AccountabilityStatus.class);
        for (AccountabilityStatus s : AccountabilityStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
