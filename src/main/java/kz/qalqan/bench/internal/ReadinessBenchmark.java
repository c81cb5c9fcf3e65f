package kz.qalqan.bench.internal;

import kz.qalqan.bench.BenchResult;
import kz.qalqan.demo.DemoData;
import kz.qalqan.platform.Command;
import kz.qalqan.readiness.ReadinessMaintenance;
import kz.qalqan.training.AwardCommand;
import kz.qalqan.training.Qualifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench readiness --count N}: builds a force of N members (one position each, 5 % vacant), N/50 units
 * (battalions of nine companies, spread over every district), 5·N member qualifications (some expired),
 * N medical exams (some out of date or UNFIT, a few profiles) and equipment lines, all with set-based SQL;
 * loads the readiness read model from the modules' APIs; then times (a) Qalqan's full recompute of every
 * unit and every roll-up level (national, region, district, unit subtrees) and (b) one hand-written
 * aggregate SQL computing the unit-level P and T counts straight from the registry, training and medical
 * tables. Each is run once to warm up, then three times; the median counts. Finally it awards
 * qualifications through the training API and measures how long until the unit and its ancestors show it.
 */
@Component
class ReadinessBenchmark implements Command {

    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final JdbcClient jdbc;
    private final ReadinessMaintenance readiness;
    private final Qualifications qualifications;
    private final DemoData demo;
    private final TransactionTemplate transactions;

    ReadinessBenchmark(JdbcClient jdbc, ReadinessMaintenance readiness, Qualifications qualifications, DemoData demo,
                       PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readiness = readiness;
        this.qualifications = qualifications;
        this.demo = demo;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return "bench readiness";
    }

    @Override
    public String usage() {
        return "bench readiness [--count N]           full readiness recompute vs one aggregate SQL over N members";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Map<String, String> options = BenchOptions.parse(args, List.of("count"));
        long members = BenchOptions.positive(options, "count", 1_000_000);
        long units = Math.max(10, members / 50);
        LocalDate today = LocalDate.now(KAZAKHSTAN);
        demo.ensureUnits();

        out.printf(Locale.ROOT, "Generating %d members, %d units, %d member qualifications ...%n", members, units, members * 5);
        long started = System.nanoTime();
        transactions.executeWithoutResult(s -> generate(members, units, today));
        double generateSeconds = seconds(started);
        out.printf(Locale.ROOT, "Generated in %.1f s%n", generateSeconds);

        out.println("Loading the readiness read model from the registry, training and medical APIs ...");
        ReadinessMaintenance.Run load = transactions.execute(s -> readiness.rebuildAndRecompute());
        out.printf(Locale.ROOT, "Read model: %d units, %d positions, %d members, %d holdings in %.1f s%n",
                load.units(), load.positions(), load.members(), load.qualifications(), load.rebuildSeconds());

        out.println("Warm-up: one run of each ...");
        timeRecompute();
        timeBaseline(today);
        List<Double> qalqan = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            baseline.add(timeBaseline(today));
            qalqan.add(timeRecompute());
            out.printf(Locale.ROOT, "  run %d: baseline %.2f s, Qalqan %.2f s%n", i + 1, baseline.get(i), qalqan.get(i));
        }
        List<Double> latencies = incremental(today, out);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("units", units);
        extra.put("memberQualifications", members * 5);
        extra.put("readModelLoadSeconds", round(load.rebuildSeconds()));
        extra.put("incrementalMedianMs", latencies.isEmpty() ? -1 : Math.round(median(latencies)));
        extra.put("incrementalMaxMs", latencies.isEmpty() ? -1 : Math.round(Collections.max(latencies)));
        new BenchResult("readiness", members, median(qalqan), median(baseline), extra)
                .print(out, "Qalqan full recompute (units + roll-ups)", "one aggregate SQL (unit P and T counts)");
        return 0;
    }

    private double timeRecompute() {
        return transactions.execute(s -> readiness.recomputeAll());
    }

    /** P and T counts per unit straight from the owning modules' tables, as one would write it by hand. */
    private double timeBaseline(LocalDate today) {
        return transactions.execute(s -> {
            long started = System.nanoTime();
            jdbc.sql("""
                    create temp table bench_baseline on commit drop as
                    with holder as (
                        select position_id, min(id) member_id from registry.member
                        where status = 'ACTIVE' and position_id is not null group by position_id),
                    exam as (
                        select distinct on (member_id) member_id, examined_on, result, unfit_until from medical.exam
                        where examined_on <= :d order by member_id, examined_on desc, id desc),
                    held as (
                        select p.unit_id, cardinality(p.required_qualifications) req,
                               (e.result <> 'UNFIT'
                                and case e.result when 'TEMPORARILY_UNFIT' then e.unfit_until else e.examined_on end <= :d
                                and :d < (e.examined_on + interval '12 months')::date
                                and (p.medical_standard = 'FIT_LIMITED' or (e.result <> 'FIT_LIMITED' and not exists (
                                     select 1 from medical.profile pr
                                     where pr.member_id = h.member_id and :d between pr.starts_on and pr.ends_on)))) fit,
                               (select count(distinct q.qualification_code) from training.member_qualification q
                                where q.member_id = h.member_id and q.revoked_at is null
                                  and q.qualification_code = any (p.required_qualifications)
                                  and (q.expires_on is null or q.expires_on > :d)) cur
                        from holder h join registry.position p on p.id = h.position_id
                        left join exam e on e.member_id = h.member_id)
                    select p.unit_id, p.authorised, coalesce(a.ready, 0) ready, coalesce(a.t_required, 0) t_required,
                           coalesce(a.t_current, 0) t_current
                    from (select unit_id, count(*) authorised from registry.position group by unit_id) p
                    left join (select unit_id, count(*) filter (where fit and cur = req) ready, sum(req) t_required,
                                      sum(cur) t_current from held group by unit_id) a on a.unit_id = p.unit_id""")
                    .param("d", Date.valueOf(today)).update();
            return seconds(started);
        });
    }

    /** Awards an expired required qualification anew and waits until the unit and the nation show it. */
    private List<Double> incremental(LocalDate today, PrintStream out) {
        List<Map<String, Object>> targets = jdbc.sql("""
                select m.id, q.code, u.org_path from readiness.member m
                join readiness.position p on p.id = m.position_id
                join readiness.unit u on u.id = p.unit_id
                join readiness.qualification q on q.member_id = m.id and q.code = any (p.required)
                where m.active and q.expires_on <= ? and q.code in ('driver_c', 'first_aid', 'radio_operator', 'weapons_handling')
                limit 5""").param(Date.valueOf(today)).query().listOfRows();
        List<Double> latencies = new ArrayList<>();
        for (Map<String, Object> t : targets) {
            long memberId = ((Number) t.get("id")).longValue();
            String path = (String) t.get("org_path");
            Instant before = Instant.now();
            long started = System.nanoTime();
            transactions.executeWithoutResult(s -> qualifications.award(memberId,
                    new AwardCommand((String) t.get("code"), today, null, "bench", null), "bench"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                Long updated = jdbc.sql("""
                        select count(*) from readiness.node_status where node in ('', ?) and computed_at >= ?""")
                        .params(path, Timestamp.from(before)).query(Long.class).single();
                if (updated == 2) {
                    latencies.add((System.nanoTime() - started) / 1e6);
                    break;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return latencies;
                }
            }
        }
        out.printf(Locale.ROOT, "Incremental: award -> unit and all ancestors recomputed: %s ms%n",
                latencies.stream().map(l -> String.format(Locale.ROOT, "%.0f", l)).toList());
        return latencies;
    }

    /** Builds the bench force (also used by {@code bench selection}). */
    void generate(long members, long units, LocalDate today) {
        long unitBase = jdbc.sql("select coalesce(max(id), 0) + 1000 from registry.unit").query(Long.class).single();
        long positionBase = jdbc.sql("select coalesce(max(id), 0) + 1000 from registry.position").query(Long.class).single();
        long memberBase = jdbc.sql("select coalesce(max(id), 0) + 1000 from registry.member").query(Long.class).single();
        Date d = Date.valueOf(today);
        // battalions (every tenth unit) under a district, companies under their battalion
        jdbc.sql("""
                create temp table bench_unit on commit drop as
                with d as (select row_number() over (order by id) - 1 rn, id, region_code from registry.district),
                     nd as (select count(*) n from d),
                     g as (select i, :base + i id, :base + (i / 10) * 10 bid from generate_series(0, :units - 1) i)
                select g.id, case when g.id = g.bid then null else g.bid end parent_id, d.region_code, d.id district_id,
                       d.region_code || '/d' || d.id || '/u' || g.bid || '/' || case when g.id = g.bid then '' else 'u' || g.id || '/' end org_path
                from g cross join nd join d on d.rn = (g.i / 10) % nd.n""")
                .param("base", unitBase).param("units", units).update();
        jdbc.sql("""
                insert into registry.unit (id, code, name, type, region_code, district_id, parent_id, org_path)
                select id, 'BR' || id, 'Bench unit ' || id, case when parent_id is null then 'BATTALION' else 'COMPANY' end,
                       region_code, district_id, parent_id, org_path from bench_unit order by parent_id nulls first, id""").update();
        jdbc.sql("""
                insert into registry.position (id, unit_id, title, required_qualifications, medical_standard)
                select :pbase + j, :ubase + (j % :units), 'Bench post',
                       (array['{driver_c}', '{first_aid}', '{radio_operator,first_aid}', '{weapons_handling}',
                              '{driver_c,first_aid}', '{}'])[1 + j % 6]::text[],
                       case when j % 5 = 0 then 'FIT_LIMITED' else 'FIT' end
                from generate_series(0, :n - 1) j""")
                .param("pbase", positionBase).param("ubase", unitBase).param("units", units).param("n", members).update();
        jdbc.sql("""
                insert into registry.member (id, iin, last_name, first_name, region_code, district_id, unit_id, position_id,
                                             status, org_path)
                select :mbase + j, '0000' || lpad(j::text, 8, '0'), 'Bench', 'Member', u.region_code, u.district_id, u.id,
                       case when j % 20 = 0 then null else :pbase + j end,
                       case when j % 50 = 1 then 'INACTIVE' else 'ACTIVE' end, u.org_path
                from generate_series(0, :n - 1) j join bench_unit u on u.id = :ubase + (j % :units)""")
                .param("mbase", memberBase).param("pbase", positionBase).param("ubase", unitBase).param("units", units)
                .param("n", members).update();
        jdbc.sql("""
                insert into training.member_qualification (member_id, qualification_code, awarded_on, expires_on, evidence,
                                                           recorded_by, recorded_at)
                select :mbase + j, (array['driver_c', 'first_aid', 'radio_operator', 'weapons_handling', 'land_navigation'])[k + 1],
                       cast(:d as date) - 800, case when (j + k) % 13 = 0 then cast(:d as date) - 5 else cast(:d as date) + 365 end, 'bench', 'bench', now()
                from generate_series(0, :n - 1) j cross join generate_series(0, 4) k""")
                .param("mbase", memberBase).param("n", members).param("d", d).update();
        jdbc.sql("""
                insert into medical.exam (member_id, examined_on, result, examiner, recorded_by, recorded_at)
                select :mbase + j, cast(:d as date) - (j % 400)::int, case when j % 31 = 0 then 'UNFIT' when j % 37 = 0 then 'FIT_LIMITED' else 'FIT' end,
                       'bench', 'bench', now()
                from generate_series(0, :n - 1) j""")
                .param("mbase", memberBase).param("n", members).param("d", d).update();
        jdbc.sql("""
                insert into medical.profile (member_id, restrictions, reason, starts_on, ends_on, recorded_by, recorded_at)
                select :mbase + j, '{NO_RUNNING}', 'bench', cast(:d as date) - 5, cast(:d as date) + 20, 'bench', now()
                from generate_series(0, :n - 1, 97) j""")
                .param("mbase", memberBase).param("n", members).param("d", d).update();
        jdbc.sql("""
                insert into readiness.equipment (unit_id, item_type, authorised, on_hand, serviceable, next_inspection_due,
                                                 updated_by, updated_at)
                select u.id, t.type, 20, 20 - (u.id % 7)::int, 20 - (u.id % 7)::int - (u.id % 3)::int,
                       case when u.id % 11 = 0 then cast(:d as date) - 1 else cast(:d as date) + 90 end, 'bench', now()
                from bench_unit u cross join unnest(array['HELMET', 'RADIO', 'MEDICAL_KIT']) t(type)""")
                .param("d", d).update();
        for (String table : List.of("registry.unit", "registry.position", "registry.member", "training.member_qualification",
                "medical.exam", "medical.profile", "readiness.equipment")) {
            jdbc.sql("analyze " + table).update();
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
