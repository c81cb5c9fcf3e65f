package kz.qalqan.registry.internal;

import kz.qalqan.registry.Placements;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Unscoped placement rows for read models of other modules; see {@link Placements}. */
@Repository
public class PlacementRepository {

    private static final String UNITS = "select id, parent_id, org_path, region_code, district_id, code, name from registry.unit";
    private static final String POSITIONS = "select id, unit_id, required_qualifications, medical_standard from registry.position";
    private static final String MEMBERS = "select id, unit_id, position_id, status = 'ACTIVE', org_path from registry.member";

    private static final String LOCATIONS = """
            select m.id, m.last_name, m.first_name, m.lat, m.lon, m.region_code, m.district_id, m.unit_id, u.type, u.name,
                   m.position_id, m.status = 'ACTIVE', m.org_path
            from registry.member m left join registry.unit u on u.id = m.unit_id""";

    private final JdbcClient jdbc;

    public PlacementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Placements.UnitPlacement> unit(long id) {
        return jdbc.sql(UNITS + " where id = ?").param(id).query(UNIT).optional();
    }

    public List<Placements.PositionPlacement> positions(long unitId) {
        return jdbc.sql(POSITIONS + " where unit_id = ? order by id").param(unitId).query(POSITION).list();
    }

    public Optional<Placements.MemberPlacement> member(long id) {
        return jdbc.sql(MEMBERS + " where id = ?").param(id).query(MEMBER).optional();
    }

    public List<Placements.MemberPlacement> membersOfUnit(long unitId) {
        return jdbc.sql(MEMBERS + " where unit_id = ?").param(unitId).query(MEMBER).list();
    }

    public Optional<Placements.MemberLocation> location(long id) {
        return jdbc.sql(LOCATIONS + " where m.id = ?").param(id).query(LOCATION).optional();
    }

    public void eachLocation(Consumer<Placements.MemberLocation> sink) {
        jdbc.sql(LOCATIONS).withFetchSize(5000).query(rs -> { sink.accept(LOCATION.mapRow(rs, 0)); });
    }

    public void eachUnit(Consumer<Placements.UnitPlacement> sink) {
        jdbc.sql(UNITS).query(rs -> { sink.accept(UNIT.mapRow(rs, 0)); });
    }

    public void eachPosition(Consumer<Placements.PositionPlacement> sink) {
        jdbc.sql(POSITIONS).query(rs -> { sink.accept(POSITION.mapRow(rs, 0)); });
    }

    public void eachMember(Consumer<Placements.MemberPlacement> sink) {
        jdbc.sql(MEMBERS).query(rs -> { sink.accept(MEMBER.mapRow(rs, 0)); });
    }

    public void eachResident(java.util.Collection<String> regionCodes, java.util.Collection<Integer> districtIds,
                             List<Placements.Box> boxes, Consumer<Placements.Resident> sink) {
        jdbc.sql("""
                        select m.id, m.org_path, m.region_code, m.district_id, m.unit_id, m.lat, m.lon
                        from registry.member m
                        where m.status = 'ACTIVE'
                          and (m.region_code = any(?) or m.district_id = any(?)
                               or exists (select 1 from unnest(?::float8[], ?::float8[], ?::float8[], ?::float8[])
                                                            as b(min_lat, min_lon, max_lat, max_lon)
                                          where m.lat between b.min_lat and b.max_lat
                                            and m.lon between b.min_lon and b.max_lon))""")
                .params(regionCodes.toArray(String[]::new), districtIds.toArray(Integer[]::new),
                        boxes.stream().map(Placements.Box::minLat).toArray(Double[]::new),
                        boxes.stream().map(Placements.Box::minLon).toArray(Double[]::new),
                        boxes.stream().map(Placements.Box::maxLat).toArray(Double[]::new),
                        boxes.stream().map(Placements.Box::maxLon).toArray(Double[]::new))
                .query(rs -> {
                    sink.accept(new Placements.Resident(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, Integer.class), rs.getObject(5, Long.class), rs.getObject(6, Double.class),
                            rs.getObject(7, Double.class)));
                });
    }

    private static final RowMapper<Placements.UnitPlacement> UNIT = (rs, i) -> new Placements.UnitPlacement(rs.getLong(1),
            rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class), rs.getString(6),
            rs.getString(7));
    private static final RowMapper<Placements.PositionPlacement> POSITION = (rs, i) -> new Placements.PositionPlacement(
            rs.getLong(1), rs.getLong(2), OrgRepository.strings(rs.getArray(3)), rs.getString(4));
    private static final RowMapper<Placements.MemberLocation> LOCATION = (rs, i) -> new Placements.MemberLocation(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Double.class), rs.getObject(5, Double.class),
            rs.getString(6), rs.getObject(7, Integer.class), rs.getObject(8, Long.class), rs.getString(9), rs.getString(10),
            rs.getObject(11, Long.class), rs.getBoolean(12), rs.getString(13));
    private static final RowMapper<Placements.MemberPlacement> MEMBER = (rs, i) -> new Placements.MemberPlacement(
            rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getBoolean(4), rs.getString(5));
}
