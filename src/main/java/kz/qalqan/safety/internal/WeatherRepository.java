package kz.qalqan.safety.internal;

import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.ActivityWeather;
import kz.qalqan.safety.FrostbiteRisk;
import kz.qalqan.safety.HeatFlag;
import kz.qalqan.safety.HeatStress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Weather readings of activities, newest first. */
@Repository
public class WeatherRepository {

    /** A reading to store, with what the rules made of it. */
    public record NewReading(ActivityKind kind, long activityId, String orgPath, LocalDate day, String source,
                             BigDecimal wbgtF, boolean wbgtEstimated, Double airTempC, Double humidityPct, Double windKmh,
                             boolean bodyArmour, boolean mopp4, boolean acclimatised, HeatStress heat, Double windChillC,
                             FrostbiteRisk frostbite, String recordedBy, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    public WeatherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewReading r) {
        return jdbc.sql("""
                        insert into safety.activity_weather (activity_kind, activity_id, org_path, day, source, wbgt_f,
                            wbgt_estimated, air_temp_c, humidity_pct, wind_kmh, body_armour, mopp4, acclimatised,
                            heat_category, heat_flag, work_minutes, rest_minutes, water_qph, wind_chill_c, frostbite,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(r.kind().name(), r.activityId(), r.orgPath(), r.day(), r.source(), r.wbgtF(), r.wbgtEstimated(),
                        r.airTempC(), r.humidityPct(), r.windKmh(), r.bodyArmour(), r.mopp4(), r.acclimatised(),
                        r.heat() == null ? 0 : r.heat().category(), r.heat() == null ? HeatFlag.NONE.name() : r.heat().flag().name(),
                        r.heat() == null ? null : r.heat().workMinutes(), r.heat() == null ? null : r.heat().restMinutes(),
                        r.heat() == null ? null : r.heat().waterQuartsPerHour(), r.windChillC(),
                        r.frostbite() == null ? null : r.frostbite().name(), r.recordedBy(), Timestamp.from(r.recordedAt()))
                .query(Long.class).single();
    }

    public List<ActivityWeather> of(ActivityKind kind, long activityId) {
        return jdbc.sql("""
                        select * from safety.activity_weather
                        where activity_kind = ? and activity_id = ?
                        order by day desc, id desc""")
                .params(kind.name(), activityId)
                .query((rs, n) -> row(rs)).list();
    }

    public ActivityWeather find(long id) {
        return jdbc.sql("select * from safety.activity_weather where id = ?").param(id)
                .query((rs, n) -> row(rs)).single();
    }

    private static ActivityWeather row(ResultSet rs) throws SQLException {
        int category = rs.getInt("heat_category");
        BigDecimal wbgt = rs.getBigDecimal("wbgt_f");
        HeatStress heat = wbgt == null ? null : new HeatStress(category, HeatFlag.valueOf(rs.getString("heat_flag")),
                (Integer) rs.getObject("work_minutes"), (Integer) rs.getObject("rest_minutes"), number(rs, "water_qph"),
                wbgt.add(BigDecimal.valueOf((rs.getBoolean("body_armour") ? 5 : 0) + (rs.getBoolean("mopp4") ? 10 : 0))),
                List.of());
        String frostbite = rs.getString("frostbite");
        return new ActivityWeather(rs.getLong("id"), rs.getLong("activity_id"), rs.getObject("day", LocalDate.class),
                rs.getString("source"), wbgt, rs.getBoolean("wbgt_estimated"), number(rs, "air_temp_c"),
                number(rs, "humidity_pct"), number(rs, "wind_kmh"), rs.getBoolean("body_armour"), rs.getBoolean("mopp4"),
                rs.getBoolean("acclimatised"), heat, number(rs, "wind_chill_c"),
                frostbite == null ? null : FrostbiteRisk.valueOf(frostbite), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), null);
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
