package kz.qalqan.registry.internal;

import kz.qalqan.registry.Assignment;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.MemberSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static kz.qalqan.registry.internal.OrgRepository.nullableDouble;
import static kz.qalqan.registry.internal.OrgRepository.strings;

@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CheckedMember m, String actor, Instant at) {
        boolean assigned = m.unitId() != null;
        return jdbc.sql("""
                insert into registry.member (iin, last_name, first_name, middle_name, birth_date, sex, category, phone, email,
                    region_code, district_id, unit_id, position_id, lat, lon, language, skills, status, review_warnings, org_path,
                    assigned_at, assigned_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (iin) do nothing
                returning id""")
                .params(m.iin().value(), m.lastName(), m.firstName(), m.middleName(), m.birthDate(), m.sex(),
                        m.category().name(), m.phone(), m.email(), m.regionCode(), m.districtId(), m.unitId(),
                        m.positionId(), m.lat(), m.lon(), m.language(), m.skills().toArray(String[]::new),
                        m.status().name(), m.warnings().toArray(String[]::new), m.orgPath(),
                        assigned ? Timestamp.from(at) : null, assigned ? actor : null)
                .query(Long.class).optional().orElse(-1L);
    }

    public boolean update(long id, int expectedVersion, CheckedMember m) {
        return jdbc.sql("""
                update registry.member set iin = ?, last_name = ?, first_name = ?, middle_name = ?, birth_date = ?, sex = ?,
                    category = ?, phone = ?, email = ?, region_code = ?, district_id = ?, unit_id = ?, position_id = ?,
                    lat = ?, lon = ?, language = ?, skills = ?, status = ?, review_warnings = ?, org_path = ?,
                    updated_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(m.iin().value(), m.lastName(), m.firstName(), m.middleName(), m.birthDate(), m.sex(),
                        m.category().name(), m.phone(), m.email(), m.regionCode(), m.districtId(), m.unitId(),
                        m.positionId(), m.lat(), m.lon(), m.language(), m.skills().toArray(String[]::new),
                        m.status().name(), m.warnings().toArray(String[]::new), m.orgPath(), id, expectedVersion)
                .update() == 1;
    }

    public boolean iinTaken(String iin, Long exceptId) {
        return jdbc.sql("select exists(select 1 from registry.member where iin = ? and id is distinct from ?)")
                .params(iin, exceptId).query(Boolean.class).single();
    }

    public Optional<Member> find(long id, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(visibility.parameters("id"));
        return jdbc.sql(MEMBER_SELECT + " where m.id = ?" + visibility.predicate("m", "id")).params(params)
                .query(MEMBER).optional();
    }

    public void delete(long id) {
        jdbc.sql("delete from registry.member where id = ?").param(id).update();
    }

    public long count(Visibility visibility) {
        return jdbc.sql("select count(*) from registry.member m where true" + visibility.predicate("m", "id"))
                .params(visibility.parameters("id")).query(Long.class).single();
    }

    /** Members per home region, within what the caller may see. */
    public java.util.Map<String, Long> countsByRegion(Visibility visibility) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select m.region_code, count(*) from registry.member m where true" + visibility.predicate("m", "id")
                        + " group by m.region_code")
                .params(visibility.parameters("id"))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Moves the member's current assignment (as it was before an update) into the history, and starts the
     * new one. Call before the member row is updated.
     */
    public void reassign(long memberId, Long newUnitId, String actor, Instant at) {
        jdbc.sql("""
                insert into registry.assignment (member_id, unit_id, position_id, assigned_from, assigned_to, recorded_by)
                select id, unit_id, position_id, coalesce(assigned_at, created_at), ?, coalesce(assigned_by, 'unknown')
                from registry.member where id = ? and unit_id is not null""")
                .params(Timestamp.from(at), memberId).update();
        jdbc.sql("update registry.member set assigned_at = ?, assigned_by = ? where id = ?")
                .params(newUnitId == null ? null : Timestamp.from(at), newUnitId == null ? null : actor, memberId).update();
    }

    /** The current assignment (from the member row) and the past ones, newest first. */
    public List<Assignment> assignments(long memberId) {
        return jdbc.sql("""
                select a.unit_id, u.code, u.name, a.position_id, p.title, a.assigned_from, a.assigned_to, a.recorded_by
                from (select unit_id, position_id, coalesce(assigned_at, created_at) as assigned_from,
                             null::timestamptz as assigned_to, coalesce(assigned_by, 'unknown') as recorded_by, 0 as past
                      from registry.member where id = ? and unit_id is not null
                      union all
                      select unit_id, position_id, assigned_from, assigned_to, recorded_by, 1
                      from registry.assignment where member_id = ?) a
                left join registry.unit u on u.id = a.unit_id
                left join registry.position p on p.id = a.position_id
                order by a.past, a.assigned_from desc""")
                .params(memberId, memberId)
                .query((rs, i) -> new Assignment(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        rs.getString(8)))
                .list();
    }

    /** Keyset search ordered by id: a page never repeats or skips rows when members are added meanwhile. */
    public List<MemberSummary> search(MemberSearch s, String unitPath, long afterId, int limit, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        String sql = """
                select m.id, m.iin, m.last_name, m.first_name, m.middle_name, m.category, m.status, m.region_code,
                       m.district_id, m.unit_id, u.code as unit_code, m.phone, m.skills, m.review_warnings
                from registry.member m left join registry.unit u on u.id = m.unit_id
                """ + where(s, unitPath, afterId, limit, visibility, params);
        return jdbc.sql(sql).params(params).query(SUMMARY).list();
    }

    /** One batch of matching members as rows of the member CSV (DOMAIN.md), keyset by id; the id is last. */
    public List<List<String>> exportRows(MemberSearch s, String unitPath, long afterId, int limit, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        String sql = """
                select m.iin, m.last_name, m.first_name, m.middle_name, lower(m.category), m.phone, m.email,
                       m.region_code, m.district_id::text, u.code, m.lat::text, m.lon::text, m.language,
                       array_to_string(m.skills, '|'), m.status, m.id
                from registry.member m left join registry.unit u on u.id = m.unit_id
                """ + where(s, unitPath, afterId, limit, visibility, params);
        return jdbc.sql(sql).params(params).query((rs, i) -> {
            List<String> row = new ArrayList<>(16);
            for (int c = 1; c <= 16; c++) {
                row.add(rs.getString(c));
            }
            return row;
        }).list();
    }

    /** The filters of a member search, the caller's visibility, keyset and limit, as SQL with its parameters. */
    private static String where(MemberSearch s, String unitPath, long afterId, int limit, Visibility visibility,
                                List<Object> params) {
        StringBuilder sql = new StringBuilder("where m.id > ?");
        params.add(afterId);
        if (s.q() != null && !s.q().isBlank()) {
            String q = s.q().trim();
            if (q.chars().allMatch(Character::isDigit)) {
                sql.append(" and m.iin like ?");
                params.add(q + "%");
            } else {
                sql.append(" and lower(m.last_name || ' ' || m.first_name || ' ' || coalesce(m.middle_name, '')) like ?");
                params.add("%" + OrgRepository.likePrefix(q.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
            }
        }
        if (s.region() != null && !s.region().isBlank()) {
            sql.append(" and m.region_code = ?");
            params.add(s.region().trim().toUpperCase(Locale.ROOT));
        }
        if (s.unitId() != null) {
            if (s.includeSubunits() && unitPath != null) {
                sql.append(" and m.org_path like ?");
                params.add(OrgRepository.likePrefix(unitPath));
            } else {
                sql.append(" and m.unit_id = ?");
                params.add(s.unitId());
            }
        }
        if (s.status() != null) {
            sql.append(" and m.status = ?");
            params.add(s.status().name());
        }
        if (s.skill() != null && !s.skill().isBlank()) {
            sql.append(" and m.skills @> array[?]::text[]");
            params.add(s.skill().trim().toLowerCase(Locale.ROOT));
        }
        sql.append(visibility.predicate("m", "id"));
        params.addAll(visibility.parameters("id"));
        sql.append(" order by m.id limit ?");
        params.add(limit);
        return sql.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final String MEMBER_SELECT = """
            select m.id, m.iin, m.last_name, m.first_name, m.middle_name, m.birth_date, m.sex, m.category, m.phone, m.email,
                   m.region_code, m.district_id, m.unit_id, u.code as unit_code, u.name as unit_name, m.position_id,
                   p.title as position_title, m.lat, m.lon, m.language, m.skills, m.status, m.review_warnings, m.org_path,
                   m.created_at, m.updated_at, m.version
            from registry.member m
            left join registry.unit u on u.id = m.unit_id
            left join registry.position p on p.id = m.position_id
            """;

    private static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getLong("id"), rs.getString("iin"),
            rs.getString("last_name"), rs.getString("first_name"), rs.getString("middle_name"),
            rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), MemberCategory.valueOf(rs.getString("category")),
            rs.getString("phone"), rs.getString("email"), rs.getString("region_code"),
            rs.getObject("district_id", Integer.class), rs.getObject("unit_id", Long.class), rs.getString("unit_code"),
            rs.getString("unit_name"), rs.getObject("position_id", Long.class), rs.getString("position_title"),
            nullableDouble(rs, rs.findColumn("lat")), nullableDouble(rs, rs.findColumn("lon")), rs.getString("language"),
            strings(rs.getArray("skills")), MemberStatus.valueOf(rs.getString("status")),
            strings(rs.getArray("review_warnings")), rs.getString("org_path"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"));

    private static final RowMapper<MemberSummary> SUMMARY = (rs, i) -> new MemberSummary(rs.getLong("id"),
            rs.getString("iin"), rs.getString("last_name"), rs.getString("first_name"), rs.getString("middle_name"),
            MemberCategory.valueOf(rs.getString("category")), MemberStatus.valueOf(rs.getString("status")),
            rs.getString("region_code"), rs.getObject("district_id", Integer.class), rs.getObject("unit_id", Long.class),
            rs.getString("unit_code"), rs.getString("phone"), strings(rs.getArray("skills")),
            strings(rs.getArray("review_warnings")));

    /** Contacts of the given members that the visibility allows, in one round trip. */
    public List<kz.qalqan.registry.MemberContact> contacts(java.util.Collection<Long> ids, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(Long[]::new));
        params.addAll(visibility.parameters("id"));
        return jdbc.sql("""
                        select m.id, m.last_name || ' ' || m.first_name as full_name, m.phone, m.email, m.language,
                               m.unit_id, m.org_path
                        from registry.member m where m.id = any(?)""" + visibility.predicate("m", "id") + " order by m.id")
                .params(params)
                .query((rs, n) -> new kz.qalqan.registry.MemberContact(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7)))
                .list();
    }
}
