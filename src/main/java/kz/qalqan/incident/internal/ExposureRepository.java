package kz.qalqan.incident.internal;

import kz.qalqan.shared.ActivityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** The exposure read model: person-days per (training event, member). */
@Repository
public class ExposureRepository {

    private final JdbcClient jdbc;

    public ExposureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the attendance of a member at an event: the latest recording wins. */
    public void upsert(long eventId, long memberId, long unitId, String unitCode, String orgPath, String regionCode,
                       ActivityType activityType, LocalDate day, int personDays, Instant at) {
        jdbc.sql("""
                        insert into incident.exposure (event_id, member_id, unit_id, unit_code, org_path, region_code,
                                                       activity_type, day, person_days, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id, member_id) do update set unit_id = excluded.unit_id,
                            unit_code = excluded.unit_code, org_path = excluded.org_path, region_code = excluded.region_code,
                            activity_type = excluded.activity_type, day = excluded.day,
                            person_days = excluded.person_days, updated_at = excluded.updated_at""")
                .params(eventId, memberId, unitId, unitCode, orgPath, regionCode, activityType.name(), Date.valueOf(day),
                        personDays, Timestamp.from(at))
                .update();
    }
}
