package kz.qalqan.demo.internal;

import kz.qalqan.readiness.ReadinessMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Gives the demo force something to be ready with, once, after the members are imported: puts members into
 * their unit's positions, awards the positions' qualifications, records periodic exams (some out of date,
 * some temporarily unfit, a few limitation profiles) and equipment — each region with its own quality, so
 * the readiness board shows a spread of C1–C4 — then builds the readiness read model. Fixture data written
 * set-based in one transaction (a few thousand rows), so startup stays fast; it bypasses the modules' APIs
 * on purpose and is never run outside the demo.
 */
@Component
class DemoReadinessSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoReadinessSeeder.class);
    private static final long LOCK = 0x51414c51414e02L;

    private final JdbcClient jdbc;
    private final kz.qalqan.demo.DemoData demo;
    private final ReadinessMaintenance readiness;
    private final TransactionTemplate transactions;
    private final Environment env;
    private final Clock clock;

    DemoReadinessSeeder(JdbcClient jdbc, kz.qalqan.demo.DemoData demo, ReadinessMaintenance readiness,
                        PlatformTransactionManager transactionManager, Environment env, Clock clock) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.readiness = readiness;
        this.transactions = new TransactionTemplate(transactionManager);
        this.env = env;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!env.getProperty("qalqan.demo", Boolean.class, true) || env.getProperty("qalqan.cli", Boolean.class, false)) {
            return;
        }
        Boolean seeded = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            // only a register the demo seeder filled: its import is the demo's ("demo", demo-members.csv)
            boolean demoForce = jdbc.sql("""
                    select exists(select 1 from registry.import_job
                                  where started_by = 'demo' and file_name = 'demo-members.csv' and status = 'COMMITTED')""")
                    .query(Boolean.class).single();
            boolean done = jdbc.sql("select exists(select 1 from readiness.equipment)").query(Boolean.class).single();
            if (!demoForce || done) {
                return false;
            }
            write(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Almaty")));
            readiness.rebuildAndRecompute();
            readiness.snapshot();
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Demo force: positions, qualifications, exams and equipment seeded for readiness");
        }
    }

    /** Region quality 0 (best) to 3 (worst), from the region code so that every run looks the same. */
    private static final String QUALITY = "(abs(hashtext(%s)) %% 4)";

    private void write(LocalDate today) {
        Date d = Date.valueOf(today);
        // fill positions with the unit's members, then with members of other units of the region who have no
        // position yet; weaker regions leave more posts vacant
        String open = "abs(hashtext(p.id::text || 'vacant')) %% 100 >= 1 + 6 * %s".formatted(q("u.region_code"));
        jdbc.sql("""
                with m as (select id, unit_id, row_number() over (partition by unit_id order by id) rn
                           from registry.member where unit_id is not null and position_id is null),
                     p as (select p.id, p.unit_id, row_number() over (partition by p.unit_id order by p.id) rn
                           from registry.position p join registry.unit u on u.id = p.unit_id where %s)
                update registry.member x set position_id = p.id
                from m join p on p.unit_id = m.unit_id and p.rn = m.rn where x.id = m.id""".formatted(open)).update();
        jdbc.sql("""
                with o as (select p.id, p.unit_id, u.region_code, u.org_path,
                                  row_number() over (partition by u.region_code order by p.id) rn
                           from registry.position p join registry.unit u on u.id = p.unit_id
                           where not exists (select 1 from registry.member m where m.position_id = p.id) and %s),
                     f as (select m.id, u.region_code, row_number() over (partition by u.region_code order by m.id) rn
                           from registry.member m join registry.unit u on u.id = m.unit_id where m.position_id is null)
                update registry.member x set unit_id = o.unit_id, position_id = o.id, org_path = o.org_path
                from f join o on o.region_code = f.region_code and o.rn = f.rn where x.id = f.id""".formatted(open)).update();
        // required qualifications: most current; missing or expired more often in weaker regions
        jdbc.sql("""
                insert into training.member_qualification (member_id, qualification_code, awarded_on, expires_on, evidence,
                                                           recorded_by, recorded_at)
                select m.id, r.code, cast(:d as date) - 400,
                       case when abs(hashtext(m.id || r.code || 'x')) %% 100 < 1 + 6 * %s then cast(:d as date) - 10 else cast(:d as date) + 300 end,
                       'Demo certificate', 'demo', now()
                from registry.member m join registry.position p on p.id = m.position_id
                cross join lateral unnest(p.required_qualifications) r(code)
                where abs(hashtext(m.id || r.code)) %% 100 >= 1 + 5 * %s""".formatted(q("m.region_code"), q("m.region_code")))
                .param("d", d).update();
        // periodic exams: out of date, temporarily unfit and limited in proportion to the region's quality
        jdbc.sql("""
                insert into medical.exam (member_id, examined_on, result, unfit_until, examiner, recorded_by, recorded_at)
                select m.id,
                       case when h < 1 + 5 * q then cast(:d as date) - 400 else cast(:d as date) - (m.id %% 300)::int end,
                       case when h between 1 + 5 * q and 6 * q then 'TEMPORARILY_UNFIT'
                            when q > 0 and h between 95 and 96 then 'FIT_LIMITED' else 'FIT' end,
                       case when h between 1 + 5 * q and 6 * q then cast(:d as date) + 30 end,
                       'Demo clinic', 'demo', now()
                from (select id, abs(hashtext(id::text || 'exam')) %% 100 h, %s q from registry.member
                      where unit_id is not null) x join registry.member m on m.id = x.id""".formatted(q("region_code")))
                .param("d", d).update();
        jdbc.sql("""
                insert into medical.profile (member_id, restrictions, reason, starts_on, ends_on, recorded_by, recorded_at)
                select id, '{NO_RUNNING}', 'Demo profile', cast(:d as date) - 10, cast(:d as date) + 20, 'demo', now()
                from registry.member where unit_id is not null and id %% 41 = 0 and %s >= 2""".formatted(q("region_code")))
                .param("d", d).update();
        // equipment: each unit short and unserviceable by its region's quality
        jdbc.sql("""
                insert into readiness.equipment (unit_id, item_type, authorised, on_hand, serviceable, next_inspection_due,
                                                 updated_by, updated_at)
                select u.id, t.type, a.n, o.n, round(o.n * (97 - 9 * q - j %% 5) / 100.0)::int,
                       case when j %% 9 < q then cast(:d as date) - 3 else cast(:d as date) + 60 + j %% 90 end, 'demo', now()
                from registry.unit u
                cross join unnest(array['HELMET', 'BODY_ARMOUR', 'RADIO', 'VEHICLE', 'MEDICAL_KIT', 'RESCUE_KIT']) t(type)
                cross join lateral (select %s q, abs(hashtext(u.id || t.type)) %% 100 j) k
                cross join lateral (select greatest(1, case t.type when 'VEHICLE' then 2 when 'RADIO' then 4 else 10 end) n) a
                cross join lateral (select (a.n * (100 - 7 * q - j %% (4 + 4 * q)) / 100.0)::int n) o""".formatted(q("u.region_code")))
                .param("d", d).update();
    }

    private static String q(String column) {
        return QUALITY.formatted(column);
    }
}
