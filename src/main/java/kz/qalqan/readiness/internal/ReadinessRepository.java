package kz.qalqan.readiness.internal;

import kz.qalqan.readiness.Counts;
import kz.qalqan.readiness.Dimension;
import kz.qalqan.readiness.NodeKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes unit counts and node roll-ups set-based over the read model; reads nodes, overrides and snapshots. */
@Repository
public class ReadinessRepository {

    /** Serialises recomputes so that concurrent events never roll up a half-updated tree. */
    static final long RECOMPUTE_LOCK = 0x5245414459L;

    /**
     * A unit's own counts on day :d (%1$s filters positions, %2$s units, %3$s equipment). A position is held
     * by its active member with the lowest id; ready when that member is inside the fitness window, meets
     * the position's medical standard (FIT_LIMITED accepts a limited member, FIT does not) and holds every
     * required qualification current.
     */
    private static final String UNIT_COUNTS = """
            with holder as (
                select m.position_id, min(m.id) member_id
                from readiness.member m join readiness.position p on p.id = m.position_id
                where m.active %1$s
                group by m.position_id),
            held as (
                select p.unit_id, cardinality(p.required) req,
                       (m.fit_from <= :d and :d < m.fit_until
                           and (p.medical_standard = 'FIT_LIMITED' or not (m.limited or exists (
                               select 1 from readiness.limitation l where l.member_id = m.id and :d between l.starts_on and l.ends_on))))
                           fit,
                       (select count(*) from readiness.qualification q
                        where q.member_id = m.id and q.code = any (p.required) and (q.expires_on is null or q.expires_on > :d)) cur
                from holder h join readiness.position p on p.id = h.position_id join readiness.member m on m.id = h.member_id),
            pos as (select p.unit_id, count(*) authorised from readiness.position p where true %1$s group by p.unit_id),
            agg as (select unit_id, count(*) filter (where fit and cur = req) ready, sum(req) t_required, sum(cur) t_current
                    from held group by unit_id),
            eq as (select e.unit_id, sum(e.authorised) s_authorised, sum(least(e.on_hand, e.authorised)) s_on_hand,
                          sum(e.on_hand) r_on_hand,
                          sum(case when e.next_inspection_due >= :d then least(e.serviceable, e.on_hand) else 0 end) r_ready
                   from readiness.equipment e where true %3$s group by e.unit_id)
            insert into readiness.unit_count (unit_id, authorised, ready, t_required, t_current, s_authorised, s_on_hand, r_on_hand, r_ready)
            select u.id, coalesce(pos.authorised, 0), coalesce(agg.ready, 0), coalesce(agg.t_required, 0),
                   coalesce(agg.t_current, 0), coalesce(eq.s_authorised, 0), coalesce(eq.s_on_hand, 0),
                   coalesce(eq.r_on_hand, 0), coalesce(eq.r_ready, 0)
            from readiness.unit u left join pos on pos.unit_id = u.id left join agg on agg.unit_id = u.id
                 left join eq on eq.unit_id = u.id
            where true %2$s""";

    /** The levels of a node row from its counts, with the thresholds of {@link Dimension}. */
    private static final String LEVELS = """
            readiness.level(ready, authorised, %d, %d, %d) p_level, readiness.level(t_current, t_required, %d, %d, %d) t_level,
            readiness.level(s_on_hand, s_authorised, %d, %d, %d) s_level, readiness.level(r_ready, r_on_hand, %d, %d, %d) r_level"""
            .formatted(t(Dimension.P, 1), t(Dimension.P, 2), t(Dimension.P, 3), t(Dimension.T, 1), t(Dimension.T, 2),
                    t(Dimension.T, 3), t(Dimension.S, 1), t(Dimension.S, 2), t(Dimension.S, 3), t(Dimension.R, 1),
                    t(Dimension.R, 2), t(Dimension.R, 3));

    private static int t(Dimension d, int level) {
        return d.threshold(level);
    }

    /** Sums of unit counts per node (every org path prefix of every unit, and '' for the nation). */
    private static final String NODE_SUMS = """
            select s.node, sum(c.authorised)::bigint authorised, sum(c.ready)::bigint ready,
                   sum(c.t_required)::bigint t_required, sum(c.t_current)::bigint t_current,
                   sum(c.s_authorised)::bigint s_authorised, sum(c.s_on_hand)::bigint s_on_hand,
                   sum(c.r_on_hand)::bigint r_on_hand, sum(c.r_ready)::bigint r_ready
            from readiness.unit_count c join readiness.unit u on u.id = c.unit_id
            cross join lateral (select '' node union all
                                select left(u.org_path, i) from generate_series(1, length(u.org_path)) i
                                where substr(u.org_path, i, 1) = '/') s
            where %s
            group by s.node""";

    private static final String NODE_ROWS = """
            select n.node,
                   case when n.node = '' then 'NATIONAL' when n.node ~ '/u[0-9]+/$' then 'UNIT'
                        when n.node ~ '/d[0-9]+/$' then 'DISTRICT' else 'REGION' end kind,
                   substring(n.node from '/u([0-9]+)/$')::bigint unit_id,
                   n.authorised, n.ready, n.t_required, n.t_current, n.s_authorised, n.s_on_hand, n.r_on_hand, n.r_ready,
                   l.p_level, l.t_level, l.s_level, l.r_level,
                   greatest(l.p_level, l.t_level, l.s_level, l.r_level) c_level
            from (%s) n
            cross join lateral (select %s from (select n.authorised, n.ready, n.t_required, n.t_current, n.s_authorised,
                                                       n.s_on_hand, n.r_on_hand, n.r_ready) x) l""";

    private final JdbcClient jdbc;

    public ReadinessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(RECOMPUTE_LOCK).query().singleRow();
    }

    /** Recomputes every unit's counts. */
    public void countAllUnits(LocalDate day) {
        jdbc.sql("delete from readiness.unit_count").update(); // not TRUNCATE: see ReadModelRepository.rebuild
        jdbc.sql(UNIT_COUNTS.formatted("", "", "")).param("d", Date.valueOf(day)).update();
    }

    /** Recomputes the counts of the given units. */
    public void countUnits(Collection<Long> unitIds, LocalDate day) {
        Long[] ids = unitIds.toArray(Long[]::new);
        jdbc.sql("delete from readiness.unit_count where unit_id = any (:ids)").param("ids", ids).update();
        jdbc.sql(UNIT_COUNTS.formatted("and p.unit_id = any (:ids)", "and u.id = any (:ids)", "and e.unit_id = any (:ids)"))
                .param("d", Date.valueOf(day)).param("ids", ids).update();
    }

    /**
     * Rolls every node up from the unit counts and replaces node_status; returns the nodes whose computed
     * level changed (only nodes that existed before).
     */
    public List<LevelChange> rollUpAll(LocalDate day, Instant at) {
        jdbc.sql("create temp table node_new on commit drop as " + NODE_ROWS.formatted(NODE_SUMS.formatted("true"), LEVELS)).update();
        List<LevelChange> changes = jdbc.sql("""
                select n.node, n.kind, n.unit_id, o.c_level, n.c_level from node_new n join readiness.node_status o on o.node = n.node
                where o.c_level is distinct from n.c_level""").query(CHANGE).list();
        jdbc.sql("delete from readiness.node_status").update();
        jdbc.sql("""
                insert into readiness.node_status (node, kind, unit_id, authorised, ready, t_required, t_current, s_authorised,
                    s_on_hand, r_on_hand, r_ready, p_level, t_level, s_level, r_level, c_level, computed_on, computed_at)
                select node, kind, unit_id, authorised, ready, t_required, t_current, s_authorised, s_on_hand, r_on_hand,
                       r_ready, p_level, t_level, s_level, r_level, c_level, ?, ? from node_new""")
                .params(Date.valueOf(day), Timestamp.from(at)).update();
        jdbc.sql("drop table node_new").update();
        return changes;
    }

    /** Recomputes the given nodes (org path keys) from the unit counts below them; returns level changes. */
    public List<LevelChange> rollUp(Collection<String> nodes, LocalDate day, Instant at) {
        String[] keys = nodes.toArray(String[]::new);
        String[] patterns = nodes.stream().map(n -> like(n)).toArray(String[]::new);
        // computed once into a temporary table: compared with the stored levels, then swapped in
        jdbc.sql("create temp table node_part on commit drop as " + NODE_ROWS.formatted(
                        NODE_SUMS.formatted("u.org_path like any (:patterns) and s.node = any (:keys)"), LEVELS))
                .param("patterns", patterns).param("keys", keys).update();
        List<LevelChange> changes = jdbc.sql("""
                select n.node, n.kind, n.unit_id, o.c_level, n.c_level from node_part n join readiness.node_status o on o.node = n.node
                where o.c_level is distinct from n.c_level""").query(CHANGE).list();
        jdbc.sql("delete from readiness.node_status where node = any (:keys)").param("keys", keys).update();
        jdbc.sql("""
                insert into readiness.node_status (node, kind, unit_id, authorised, ready, t_required, t_current, s_authorised,
                    s_on_hand, r_on_hand, r_ready, p_level, t_level, s_level, r_level, c_level, computed_on, computed_at)
                select node, kind, unit_id, authorised, ready, t_required, t_current, s_authorised, s_on_hand, r_on_hand,
                       r_ready, p_level, t_level, s_level, r_level, c_level, :day, :at from node_part""")
                .param("day", Date.valueOf(day)).param("at", Timestamp.from(at)).update();
        jdbc.sql("drop table node_part").update();
        return changes;
    }

    public record LevelChange(String node, NodeKind kind, Long unitId, Integer previous, Integer now) {
    }

    private static final RowMapper<LevelChange> CHANGE = (rs, i) -> new LevelChange(rs.getString(1),
            NodeKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class), rs.getObject(4, Integer.class),
            rs.getObject(5, Integer.class));

    /** A stored node with its override (units only). */
    public record NodeRow(String node, NodeKind kind, Long unitId, Counts counts, Integer computedLevel,
                          Integer overrideLevel, String overrideReason, LocalDate computedOn, Instant computedAt) {
    }

    private static final String NODE_SELECT = """
            select n.node, n.kind, n.unit_id, n.authorised, n.ready, n.t_required, n.t_current, n.s_authorised, n.s_on_hand,
                   n.r_on_hand, n.r_ready, n.c_level, o.level override_level, o.reason override_reason, n.computed_on, n.computed_at
            from readiness.node_status n left join readiness.override o on o.unit_id = n.unit_id
            """;

    public Optional<NodeRow> node(String key) {
        return jdbc.sql(NODE_SELECT + " where n.node = ?").param(key).query(NODE).optional();
    }

    /** The direct children of a node: one path segment deeper. */
    public List<NodeRow> children(String key) {
        int depth = depth(key) + 1;
        return jdbc.sql(NODE_SELECT + """
                         where n.node like ? and n.node <> ?
                           and length(n.node) - length(replace(n.node, '/', '')) = ? order by n.node""")
                .params(like(key), key, depth).query(NODE).list();
    }

    /** A node and every node below it, parents first. */
    public List<NodeRow> subtree(String key) {
        return jdbc.sql(NODE_SELECT + " where n.node like ? order by n.node").param(like(key)).query(NODE).list();
    }

    public List<NodeRow> nodes(Collection<String> keys) {
        return jdbc.sql(NODE_SELECT + " where n.node = any (?) order by n.node").param(keys.toArray(String[]::new))
                .query(NODE).list();
    }

    private static final RowMapper<NodeRow> NODE = (rs, i) -> new NodeRow(rs.getString("node"),
            NodeKind.valueOf(rs.getString("kind")), rs.getObject("unit_id", Long.class), counts(rs),
            rs.getObject("c_level", Integer.class), rs.getObject("override_level", Integer.class),
            rs.getString("override_reason"), rs.getObject("computed_on", LocalDate.class),
            rs.getTimestamp("computed_at").toInstant());

    static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("authorised"), rs.getLong("ready"), rs.getLong("t_required"), rs.getLong("t_current"),
                rs.getLong("s_authorised"), rs.getLong("s_on_hand"), rs.getLong("r_on_hand"), rs.getLong("r_ready"));
    }

    // ---- overrides

    public void putOverride(long unitId, int level, String reason, String actor, Instant at) {
        jdbc.sql("""
                insert into readiness.override (unit_id, level, reason, set_by, set_at) values (?, ?, ?, ?, ?)
                on conflict (unit_id) do update set level = excluded.level, reason = excluded.reason,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .params(unitId, level, reason, actor, Timestamp.from(at)).update();
    }

    public boolean removeOverride(long unitId) {
        return jdbc.sql("delete from readiness.override where unit_id = ?").param(unitId).update() == 1;
    }

    // ---- snapshots

    /** Stores today's levels of every node once; a second run on the same day keeps the first. */
    public int snapshot(LocalDate day) {
        return jdbc.sql("""
                insert into readiness.snapshot (day, node, authorised, ready, t_required, t_current, s_authorised, s_on_hand,
                    r_on_hand, r_ready, p_level, t_level, s_level, r_level, c_level, override_level)
                select ?, n.node, n.authorised, n.ready, n.t_required, n.t_current, n.s_authorised, n.s_on_hand, n.r_on_hand,
                       n.r_ready, n.p_level, n.t_level, n.s_level, n.r_level, n.c_level, o.level
                from readiness.node_status n left join readiness.override o on o.unit_id = n.unit_id
                on conflict (node, day) do nothing""")
                .param(Date.valueOf(day)).update();
    }

    public record SnapshotRow(LocalDate day, Counts counts, Integer computedLevel, Integer overrideLevel) {
    }

    public List<SnapshotRow> snapshots(String node, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select day, authorised, ready, t_required, t_current, s_authorised, s_on_hand, r_on_hand, r_ready, c_level,
                       override_level
                from readiness.snapshot where node = ? and day between ? and ? order by day""")
                .params(node, Date.valueOf(from), Date.valueOf(to))
                .query((rs, i) -> new SnapshotRow(rs.getObject("day", LocalDate.class), counts(rs),
                        rs.getObject("c_level", Integer.class), rs.getObject("override_level", Integer.class)))
                .list();
    }

    // ---- explanations

    /** One cause row: dimension, cause, subject (code or item type), count, of. */
    public record CauseRow(Dimension dimension, String cause, String subject, long count) {
    }

    /** Causes behind P and T for the positions of every unit under {@code node}, on {@code day}. */
    public List<CauseRow> personnelCauses(String node, LocalDate day) {
        return jdbc.sql("""
                with pos as (
                    select p.id, p.required, p.medical_standard, h.member_id
                    from readiness.unit u join readiness.position p on p.unit_id = u.id
                    left join lateral (select min(m.id) member_id from readiness.member m
                                       where m.position_id = p.id and m.active) h on true
                    where u.org_path like :node),
                eval as (
                    select pos.*, (m.fit_from <= :d and :d < m.fit_until) in_window,
                           (m.limited or exists (select 1 from readiness.limitation l
                                                 where l.member_id = m.id and :d between l.starts_on and l.ends_on)) limited
                    from pos left join readiness.member m on m.id = pos.member_id),
                lack as (
                    select e.id, r.code, q.member_id is not null had
                    from eval e cross join lateral unnest(e.required) r(code)
                    left join readiness.qualification q on q.member_id = e.member_id and q.code = r.code
                    where e.member_id is not null and not (q.member_id is not null and (q.expires_on is null or q.expires_on > :d)))
                select 'P' dim, 'VACANT' cause, null subject, count(*) n from eval where member_id is null
                union all
                select 'P', 'NO_VALID_EXAM', null, count(*) from eval where member_id is not null and not coalesce(in_window, false)
                union all
                select 'P', 'BELOW_MEDICAL_STANDARD', null, count(*) from eval
                    where member_id is not null and coalesce(in_window, false) and medical_standard = 'FIT' and limited
                union all
                select 'P', 'LACKS_QUALIFICATION', code, count(distinct id) from lack group by code
                union all
                select 'T', case when had then 'EXPIRED' else 'MISSING' end, code, count(*) from lack group by 2, 3""")
                .param("node", like(node)).param("d", Date.valueOf(day))
                .query((rs, i) -> new CauseRow(Dimension.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** Causes behind S and R for the equipment of every unit under {@code node}. */
    public List<CauseRow> equipmentCauses(String node, LocalDate day) {
        return jdbc.sql("""
                select e.item_type, sum(greatest(e.authorised - e.on_hand, 0)) short,
                       sum(e.on_hand - e.serviceable) unserviceable,
                       sum(case when e.next_inspection_due is null or e.next_inspection_due < :d then e.serviceable else 0 end) overdue
                from readiness.equipment e join readiness.unit u on u.id = e.unit_id
                where u.org_path like :node group by e.item_type""")
                .param("node", like(node)).param("d", Date.valueOf(day))
                .query((rs, i) -> List.of(new CauseRow(Dimension.S, "SHORT", rs.getString(1), rs.getLong(2)),
                        new CauseRow(Dimension.R, "UNSERVICEABLE", rs.getString(1), rs.getLong(3)),
                        new CauseRow(Dimension.R, "INSPECTION_OVERDUE", rs.getString(1), rs.getLong(4))))
                .list().stream().flatMap(List::stream).filter(c -> c.count() > 0).toList();
    }

    public Map<String, Long> unitIdsByPath(Collection<Long> ids) {
        Map<String, Long> map = new java.util.HashMap<>();
        jdbc.sql("select org_path, id from readiness.unit where id = any (?)").param(ids.toArray(Long[]::new))
                .query(rs -> { map.put(rs.getString(1), rs.getLong(2)); });
        return map;
    }

    public record UnitName(long id, String code, String name) {
    }

    public Map<Long, UnitName> unitNames(Collection<Long> ids) {
        Map<Long, UnitName> map = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return map;
        }
        jdbc.sql("select id, code, name from readiness.unit where id = any (?)").param(ids.toArray(Long[]::new))
                .query(rs -> { map.put(rs.getLong(1), new UnitName(rs.getLong(1), rs.getString(2), rs.getString(3))); });
        return map;
    }

    static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static int depth(String key) {
        return (int) key.chars().filter(c -> c == '/').count();
    }
}
