package kz.qalqan.incident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the surveillance report takes over a national data set: {@code exposure} rows of attendance in 400
 * units over 12 months and one injury per 100 of them. Off by default (it fills its test database for a minute);
 * run with {@code mvn -o test -Dtest=IncidentSurveillanceBenchmarkTests -Dqalqan.bench=true}. Figures in
 * docs/BENCHMARKS.md.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "qalqan.bench", matches = "true")
class IncidentSurveillanceBenchmarkTests {

    private static final int EXPOSURE_ROWS = Integer.getInteger("qalqan.bench.exposure", 1_000_000);
    private static final int UNITS = 400;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InjurySurveillance surveillance;

    @Test
    void reportOverAYearOfNationalExposure() {
        // the mock web environment binds a request to this thread; without one the caller is SYSTEM (national)
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        LocalDate from = LocalDate.of(2031, 1, 1);
        LocalDate to = LocalDate.of(2031, 12, 31);
        long t0 = System.nanoTime();
        jdbc.sql("""
                        insert into incident.exposure (event_id, member_id, unit_id, unit_code, org_path, region_code,
                                                       activity_type, day, person_days, updated_at)
                        select g / 30, g, 900000 + g % ?, 'BENCH-' || g % ?, 'KZ-' || (10 + g % 20) || '/u' || (900000 + g % ?) || '/',
                               'KZ-' || (10 + g % 20), (array['ROAD_MARCH','LIVE_FIRE','CLASSROOM','PHYSICAL_TRAINING'])[1 + g % 4],
                               date '2031-01-01' + (g % 365), 1, now()
                        from generate_series(1, ?) g""")
                .params(UNITS, UNITS, UNITS, EXPOSURE_ROWS).update();
        jdbc.sql("""
                        insert into incident.incident (kind, occurred_at, occurred_on, unit_id, unit_code, org_path, region_code,
                            description, cause, body_region, activity_type, outcome, serious, anonymous, reported_at, status)
                        select (array['INJURY','HEAT_INJURY','COLD_INJURY','NEAR_MISS'])[1 + g % 4], now(),
                               date '2031-01-01' + (g % 365), 900000 + g % ?, 'BENCH-' || g % ?,
                               'KZ-' || (10 + g % 20) || '/u' || (900000 + g % ?) || '/', 'KZ-' || (10 + g % 20), 'bench',
                               (array['FALL','RUNNING','LIFTING','VEHICLE','HEAT','COLD'])[1 + g % 6],
                               (array['KNEE','ANKLE','BACK','HAND'])[1 + g % 4],
                               (array['ROAD_MARCH','LIVE_FIRE','CLASSROOM','PHYSICAL_TRAINING'])[1 + g % 4],
                               'FIRST_AID', false, false, now(), 'REPORTED'
                        from generate_series(1, ?) g""")
                .params(UNITS, UNITS, UNITS, EXPOSURE_ROWS / 100).update();
        jdbc.sql("analyze incident.exposure").update();
        jdbc.sql("analyze incident.incident").update();
        long loaded = System.nanoTime();

        SurveillanceReport warm = surveillance.report(from, to);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            surveillance.report(from, to);
            best = Math.min(best, System.nanoTime() - s);
        }
        assertThat(warm.total().personDays()).isEqualTo(EXPOSURE_ROWS);
        assertThat(warm.uCharts()).hasSize(12);
        System.out.printf("Injury surveillance: %,d exposure rows, %,d incidents, %d units: load %.1f s, report best of 5 %.0f ms%n",
                EXPOSURE_ROWS, EXPOSURE_ROWS / 100, UNITS, (loaded - t0) / 1e9, best / 1e6);
    }
}
