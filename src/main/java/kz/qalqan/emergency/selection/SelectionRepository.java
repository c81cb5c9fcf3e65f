package kz.qalqan.emergency.selection;

import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Selections with their ranked members and excluded candidates, and the live activation and shift facts. */
@Repository
class SelectionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members ORDERED or ACCEPTED in an open emergency, with that emergency. */
    Map<Long, SelectionPolicy.Activation> activations(Long[] memberIds) {
        Map<Long, SelectionPolicy.Activation> result = new HashMap<>();
        jdbc.sql("""
                select a.member_id, e.id, e.title from emergency.activation a
                join emergency.emergency e on e.id = a.emergency_id
                where a.member_id = any (?) and a.status in ('ORDERED', 'ACCEPTED') and e.status in ('ACTIVE', 'STOOD_DOWN')""")
                .param(memberIds)
                .query(rs -> {
                    result.putIfAbsent(rs.getLong(1), new SelectionPolicy.Activation(rs.getLong(2), rs.getString(3)));
                });
        return result;
    }

    /** Shifts that end after {@code since} (the 7-day window and the last rest), not cancelled. */
    Map<Long, List<SelectionPolicy.Shift>> shifts(Long[] memberIds, Instant since) {
        Map<Long, List<SelectionPolicy.Shift>> result = new HashMap<>();
        jdbc.sql("""
                select member_id, starts_at, ends_at from emergency.shift
                where member_id = any (?) and not cancelled and ends_at > ?""")
                .params(memberIds, Timestamp.from(since))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SelectionPolicy.Shift(
                            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });
        return result;
    }

    record Ranked(int rank, Candidate candidate, double distanceKm, SelectionPolicy.Verdict verdict) {
    }

    record Left(Candidate candidate, double distanceKm, List<Reason> reasons) {
    }

    long insert(long emergencyId, String orgPath, SelectionRequest request, double lat, double lon, double radiusKm,
                int excluded, int scanned, String actor, Instant at, double elapsedMs, List<Ranked> ranked,
                List<Left> left) {
        long id = jdbc.sql("""
                insert into emergency.selection (emergency_id, org_path, request, lat, lon, radius_km, wanted, selected,
                    excluded, scanned, status, created_by, created_at, elapsed_ms)
                values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?) returning id""")
                .params(emergencyId, orgPath, JSON.writeValueAsString(request), lat, lon, radiusKm, request.count(),
                        ranked.size(), excluded, scanned, actor, Timestamp.from(at), elapsedMs)
                .query(Long.class).single();
        int n = ranked.size();
        Integer[] ranks = new Integer[n];
        Long[] members = new Long[n];
        String[] paths = new String[n];
        String[] last = new String[n];
        String[] first = new String[n];
        Long[] units = new Long[n];
        String[] unitNames = new String[n];
        Double[] distances = new Double[n];
        String[] readiness = new String[n];
        Integer[] skills = new Integer[n];
        Boolean[] overrides = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Ranked r = ranked.get(i);
            ranks[i] = r.rank();
            members[i] = r.candidate().memberId();
            paths[i] = r.candidate().orgPath();
            last[i] = r.candidate().lastName();
            first[i] = r.candidate().firstName();
            units[i] = r.candidate().unitId();
            unitNames[i] = r.candidate().unitName();
            distances[i] = r.distanceKm();
            readiness[i] = r.verdict().readiness();
            skills[i] = r.verdict().skillsMatched();
            overrides[i] = r.verdict().acwrOverride();
        }
        jdbc.sql("""
                insert into emergency.selection_member (selection_id, rank, member_id, org_path, last_name, first_name,
                    unit_id, unit_name, distance_km, readiness, skills_matched, acwr_override)
                select ?, * from unnest(?::int[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                    ?::float8[], ?::text[], ?::int[], ?::boolean[])""")
                .params(id, ranks, members, paths, last, first, units, unitNames, distances, readiness, skills, overrides)
                .update();
        int m = left.size();
        Long[] lm = new Long[m];
        String[] lp = new String[m];
        String[] ll = new String[m];
        String[] lf = new String[m];
        Long[] lu = new Long[m];
        String[] ln = new String[m];
        Double[] ld = new Double[m];
        String[] lr = new String[m];
        for (int i = 0; i < m; i++) {
            Left l = left.get(i);
            lm[i] = l.candidate().memberId();
            lp[i] = l.candidate().orgPath();
            ll[i] = l.candidate().lastName();
            lf[i] = l.candidate().firstName();
            lu[i] = l.candidate().unitId();
            ln[i] = l.candidate().unitName();
            ld[i] = l.distanceKm();
            lr[i] = JSON.writeValueAsString(l.reasons());
        }
        jdbc.sql("""
                insert into emergency.selection_excluded (selection_id, member_id, org_path, last_name, first_name,
                    unit_id, unit_name, distance_km, reasons)
                select ?, m, p, l, f, u, un, d, r::jsonb from unnest(?::bigint[], ?::text[], ?::text[], ?::text[],
                    ?::bigint[], ?::text[], ?::float8[], ?::text[]) as t(m, p, l, f, u, un, d, r)""")
                .params(id, lm, lp, ll, lf, lu, ln, ld, lr).update();
        return id;
    }

    /** The stored selection's header row. */
    record Header(long id, long emergencyId, String orgPath, String status, SelectionRequest request, double lat,
                  double lon, double radiusKm, int wanted, int selected, int excluded, int scanned, String createdBy,
                  Instant createdAt, double elapsedMs, String confirmedBy, Instant confirmedAt) {
    }

    Optional<Header> find(long emergencyId, long id, boolean lock) {
        return jdbc.sql("""
                select id, emergency_id, org_path, status, request::text, lat, lon, radius_km, wanted, selected, excluded,
                       scanned, created_by, created_at, elapsed_ms, confirmed_by, confirmed_at
                from emergency.selection where emergency_id = ? and id = ?""" + (lock ? " for update" : ""))
                .params(emergencyId, id)
                .query((rs, i) -> header(rs)).optional();
    }

    List<Header> list(long emergencyId, int limit) {
        return jdbc.sql("""
                select id, emergency_id, org_path, status, request::text, lat, lon, radius_km, wanted, selected, excluded,
                       scanned, created_by, created_at, elapsed_ms, confirmed_by, confirmed_at
                from emergency.selection where emergency_id = ? order by id desc limit ?""")
                .params(emergencyId, limit).query((rs, i) -> header(rs)).list();
    }

    private static Header header(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Header(rs.getLong("id"), rs.getLong("emergency_id"), rs.getString("org_path"), rs.getString("status"),
                JSON.readValue(rs.getString("request"), SelectionRequest.class), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getDouble("radius_km"), rs.getInt("wanted"), rs.getInt("selected"), rs.getInt("excluded"),
                rs.getInt("scanned"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getDouble("elapsed_ms"), rs.getString("confirmed_by"), confirmed == null ? null : confirmed.toInstant());
    }

    /** A ranked member as stored (name as "last first"). */
    record Member(int rank, long memberId, String orgPath, String name, Long unitId, String unitName, double distanceKm,
                  String readiness,
                  int skillsMatched, boolean acwrOverride) {
    }

    List<Member> members(long selectionId) {
        return members(selectionId, Scope.everything());
    }

    /** The ranked members the scope covers (a viewer sees no one outside it, whoever made the selection). */
    List<Member> members(long selectionId, Scope scope) {
        return jdbc.sql("""
                select rank, member_id, org_path, last_name || ' ' || first_name, unit_id, unit_name, distance_km, readiness,
                       skills_matched, acwr_override
                from emergency.selection_member
                where selection_id = ? and (cast(? as text[]) is null or org_path like any(cast(? as text[])))
                order by rank""")
                .params(selectionId, patterns(scope), patterns(scope))
                .query((rs, i) -> new Member(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getString(6), rs.getDouble(7), rs.getString(8), rs.getInt(9),
                        rs.getBoolean(10)))
                .list();
    }

    record Out(long memberId, String name, Long unitId, String unitName, double distanceKm, List<Reason> reasons) {
    }

    /** The excluded candidates the scope covers, nearest first. */
    List<Out> excluded(long selectionId, Scope scope, int limit) {
        return jdbc.sql("""
                select member_id, last_name || ' ' || first_name, unit_id, unit_name, distance_km, reasons::text
                from emergency.selection_excluded
                where selection_id = ? and (cast(? as text[]) is null or org_path like any(cast(? as text[])))
                order by distance_km, member_id limit ?""")
                .params(selectionId, patterns(scope), patterns(scope), limit)
                .query((rs, i) -> new Out(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getDouble(5), List.of(JSON.readValue(rs.getString(6), Reason[].class))))
                .list();
    }

    /** The org paths of these emergencies (to tell whether a viewer may see them). */
    Map<Long, String> emergencyPaths(java.util.Collection<Long> ids) {
        Map<Long, String> paths = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, org_path from emergency.emergency where id = any(?)")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, i) -> paths.put(rs.getLong(1), rs.getString(2))).list();
        }
        return paths;
    }

    private static String[] patterns(Scope scope) {
        return scope.isEverything() ? null : scope.likePatterns();
    }

    /** Serialises confirmations so that two coordinators cannot activate the same member twice. */
    void lockActivations() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('emergency.activation'))").query().listOfRows();
    }

    /** Orders the members (rows ORDERED; a member who had declined or been released in this emergency again). */
    int activate(long emergencyId, List<Long> memberIds, List<String> orgPaths, String actor, Instant at) {
        return jdbc.sql("""
                insert into emergency.activation (emergency_id, member_id, org_path, status, ordered_at, ordered_by)
                select ?, m, p, 'ORDERED', ?, ? from unnest(?::bigint[], ?::text[]) as t(m, p)
                on conflict (emergency_id, member_id) do update set status = 'ORDERED', org_path = excluded.org_path,
                    ordered_at = excluded.ordered_at, ordered_by = excluded.ordered_by, answered_at = null,
                    arrived_at = null, released_at = null, reason = null
                where emergency.activation.status not in ('ORDERED', 'ACCEPTED')""")
                .params(emergencyId, Timestamp.from(at), actor, memberIds.toArray(Long[]::new),
                        orgPaths.toArray(String[]::new))
                .update();
    }

    void confirmed(long selectionId, String actor, Instant at) {
        jdbc.sql("update emergency.selection set status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? where id = ?")
                .params(actor, Timestamp.from(at), selectionId).update();
    }

    static Long[] ids(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
