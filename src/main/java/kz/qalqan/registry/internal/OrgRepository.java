package kz.qalqan.registry.internal;

import kz.qalqan.registry.District;
import kz.qalqan.registry.Position;
import kz.qalqan.registry.Region;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Regions, districts, units and positions: the organisation tree. */
@Repository
public class OrgRepository {

    private static final String UNIT_COLUMNS = """
            u.id, u.code, u.name, u.type, u.region_code, u.district_id, u.parent_id, u.org_path, u.lat, u.lon,
            (select count(*) from registry.member m where m.unit_id = u.id)::int as member_count
            """;

    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Region> regions() {
        return jdbc.sql("""
                select code, name_kk, name_ru, name_en, kind, admin_center_en, admin_center_kk, center_lat, center_lon, population
                from registry.region order by code""")
                .query((rs, i) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), nullableDouble(rs, 8), nullableDouble(rs, 9),
                        rs.getObject(10, Long.class)))
                .list();
    }

    public List<District> districts() {
        return jdbc.sql("""
                select id, region_code, name_kk, name_ru, name_en, kind, center_lat, center_lon
                from registry.district order by region_code, name_kk""")
                .query((rs, i) -> new District(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), nullableDouble(rs, 7), nullableDouble(rs, 8)))
                .list();
    }

    public Optional<Unit> unit(long id, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(visibility.parameters(null));
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where u.id = ?" + visibility.predicate("u", null))
                .params(params).query(UNIT).optional();
    }

    public Optional<Unit> unitByCode(String code) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where u.code = ?").param(code).query(UNIT).optional();
    }

    /** The unit and everything below it, parents before children. */
    public List<Unit> subtree(String orgPath) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where u.org_path like ? order by u.org_path")
                .param(likePrefix(orgPath)).query(UNIT).list();
    }

    public List<Unit> unitsOfRegion(String regionCode, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(regionCode);
        params.addAll(visibility.parameters(null));
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where u.region_code = ?"
                        + visibility.predicate("u", null) + " order by u.org_path")
                .params(params).query(UNIT).list();
    }

    public List<Unit> children(Long parentId, Visibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(parentId);
        params.addAll(visibility.parameters(null));
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where u.parent_id = ?"
                        + visibility.predicate("u", null) + " order by u.code")
                .params(params).query(UNIT).list();
    }

    /** Code, path and region of every unit the visibility covers: what an import needs, without member counts. */
    public List<OrgLookup.UnitRef> unitRefs(Visibility visibility) {
        return jdbc.sql("select u.id, u.code, u.org_path, u.region_code from registry.unit u where true"
                        + visibility.predicate("u", null))
                .params(visibility.parameters(null))
                .query((rs, i) -> new OrgLookup.UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<Unit> allUnits(Visibility visibility) {
        return jdbc.sql("select " + UNIT_COLUMNS + " from registry.unit u where true" + visibility.predicate("u", null)
                        + " order by u.org_path")
                .params(visibility.parameters(null)).query(UNIT).list();
    }

    public long nextUnitId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('registry.unit', 'id'))").query(Long.class).single();
    }

    public void insertUnit(long id, String code, String name, UnitType type, String regionCode, Integer districtId,
                           Long parentId, String orgPath, Double lat, Double lon) {
        jdbc.sql("""
                insert into registry.unit (id, code, name, type, region_code, district_id, parent_id, org_path, lat, lon)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code, name, type.name(), regionCode, districtId, parentId, orgPath, lat, lon)
                .update();
    }

    public void updateUnit(long id, String code, String name, UnitType type, Double lat, Double lon) {
        jdbc.sql("""
                update registry.unit set code = ?, name = ?, type = ?, lat = ?, lon = ?, updated_at = now(), version = version + 1
                where id = ?""")
                .params(code, name, type.name(), lat, lon, id).update();
    }

    /**
     * Moves a unit and its subtree under a new path prefix; members of the subtree follow in the same
     * statement set so that scope filtering by path stays exact.
     */
    public void moveSubtree(String oldPath, String newPath, String regionCode, Integer districtId, Long parentId, long unitId) {
        jdbc.sql("update registry.unit set parent_id = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(parentId, unitId).update();
        jdbc.sql("""
                update registry.unit set org_path = ? || substr(org_path, length(?) + 1), region_code = ?,
                       district_id = ? where org_path like ?""")
                .params(newPath, oldPath, regionCode, districtId, likePrefix(oldPath)).update();
        jdbc.sql("update registry.member set org_path = ? || substr(org_path, length(?) + 1) where org_path like ?")
                .params(newPath, oldPath, likePrefix(oldPath)).update();
    }

    public boolean hasChildrenOrMembers(long unitId) {
        return jdbc.sql("""
                select exists(select 1 from registry.unit where parent_id = ?)
                    or exists(select 1 from registry.member where unit_id = ?)
                    or exists(select 1 from registry.assignment where unit_id = ?)""")
                .params(unitId, unitId, unitId).query(Boolean.class).single();
    }

    public void deleteUnit(long unitId) {
        jdbc.sql("delete from registry.unit where id = ?").param(unitId).update();
    }

    public boolean unitCodeTaken(String code, Long exceptId) {
        return jdbc.sql("select exists(select 1 from registry.unit where lower(code) = lower(?) and id is distinct from ?)")
                .params(code, exceptId).query(Boolean.class).single();
    }

    public List<Position> positions(List<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.unit_id, p.title, p.required_qualifications, p.medical_standard,
                       (select m.id from registry.member m where m.position_id = p.id limit 1)
                from registry.position p where p.unit_id = any(?) order by p.unit_id, p.id""")
                .param(unitIds.toArray(Long[]::new))
                .query((rs, i) -> new Position(rs.getLong(1), rs.getLong(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getString(5), rs.getObject(6, Long.class)))
                .list();
    }

    public Optional<Position> position(long id) {
        return positions(jdbc.sql("select unit_id from registry.position where id = ?").param(id).query(Long.class).list())
                .stream().filter(p -> p.id() == id).findFirst();
    }

    public long insertPosition(long unitId, String title, List<String> qualifications, String medicalStandard) {
        return jdbc.sql("""
                insert into registry.position (unit_id, title, required_qualifications, medical_standard)
                values (?, ?, ?, ?) returning id""")
                .params(unitId, title, qualifications.toArray(String[]::new), medicalStandard)
                .query(Long.class).single();
    }

    public long unitCount(Visibility visibility) {
        return jdbc.sql("select count(*) from registry.unit u where true" + visibility.predicate("u", null))
                .params(visibility.parameters(null)).query(Long.class).single();
    }

    static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final RowMapper<Unit> UNIT = (rs, i) -> new Unit(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), UnitType.valueOf(rs.getString("type")), rs.getString("region_code"),
            rs.getObject("district_id", Integer.class), rs.getObject("parent_id", Long.class), rs.getString("org_path"),
            nullableDouble(rs, rs.findColumn("lat")), nullableDouble(rs, rs.findColumn("lon")), rs.getInt("member_count"));
}
