package kz.qalqan.bench.internal;

import kz.qalqan.demo.DemoData;
import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.emergency.selection.Candidates;
import kz.qalqan.emergency.selection.ForceSelection;
import kz.qalqan.emergency.selection.Selection;
import kz.qalqan.emergency.selection.SelectionRequest;
import kz.qalqan.platform.Command;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench selection --count N}: builds the {@code bench readiness} force of N members (same builder), gives each
 * a home near their district's centre (the force lives where the districts are), rebuilds the candidate index, then
 * times top-500 selections within 100 km of random populated points (a member's home, jittered) through
 * {@link ForceSelection#select} — constraints, ranking, storing the result and the audit included — against the
 * straightforward SQL on the owning tables: earthdistance with a GiST index on {@code ll_to_earth(lat, lon)} of
 * registry.member, the same filters joined from training, medical and emergency tables, ordered by distance.
 */
@Component
class SelectionBenchmark implements Command {

    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final int TOP = 500;
    private static final double RADIUS_KM = 100;

    private final ReadinessBenchmark force;
    private final DemoData demo;
    private final Candidates candidates;
    private final ForceSelection selection;
    private final Emergencies emergencies;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SelectionBenchmark(ReadinessBenchmark force, DemoData demo, Candidates candidates, ForceSelection selection,
                       Emergencies emergencies, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.force = force;
        this.demo = demo;
        this.candidates = candidates;
        this.selection = selection;
        this.emergencies = emergencies;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return "bench selection";
    }

    @Override
    public String usage() {
        return "bench selection [--count N] [--samples S] [--baseline-samples B]  top-500 force selection vs earthdistance SQL";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Map<String, String> options = BenchOptions.parse(args, List.of("count", "samples", "baseline-samples"));
        long members = BenchOptions.positive(options, "count", 1_000_000);
        int samples = (int) BenchOptions.positive(options, "samples", 200);
        int baselineSamples = (int) BenchOptions.positive(options, "baseline-samples", 20);
        long units = Math.max(10, members / 50);
        LocalDate today = LocalDate.now(KAZAKHSTAN);
        demo.ensureUnits();

        out.printf(Locale.ROOT, "Generating %d members (the bench readiness force) ...%n", members);
        long started = System.nanoTime();
        transactions.executeWithoutResult(s -> {
            force.generate(members, units, today);
            place();
        });
        out.printf(Locale.ROOT, "Generated and placed in %.1f s%n", seconds(started));

        started = System.nanoTime();
        long indexed = transactions.execute(s -> candidates.rebuild());
        double rebuildSeconds = seconds(started);
        out.printf(Locale.ROOT, "Candidate index: %d members in %.1f s%n", indexed, rebuildSeconds);
        started = System.nanoTime();
        transactions.executeWithoutResult(s -> {
            jdbc.sql("create index if not exists bench_member_earth on registry.member using gist (ll_to_earth(lat, lon))")
                    .update();
            jdbc.sql("analyze registry.member").update();
        });
        out.printf(Locale.ROOT, "Baseline GiST index on ll_to_earth(lat, lon): %.1f s%n", seconds(started));

        long emergencyId = emergencies.declare(new DeclareEmergency("Bench: national flood exercise", EmergencyType.FLOOD,
                Severity.SEVERE, true, null, new EmergencyArea(null, null, List.of("KZ-75", "KZ-71"), null))).id();
        Random random = new Random(42);
        List<double[]> points = points(random, samples + baselineSamples + 40);
        SelectionRequest template = new SelectionRequest(TOP, List.of("first_aid"), SelectionRequest.Match.ALL, null,
                null, null, RADIUS_KM, null, null, null);

        out.println("Warm-up: 20 selections, 2 baseline queries ...");
        for (int i = 0; i < 20; i++) {
            select(emergencyId, template, points.get(i));
        }
        for (int i = 0; i < 2; i++) {
            baseline(points.get(20 + i), today);
        }
        List<Double> qalqan = new ArrayList<>();
        long selected = 0;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            Selection s = select(emergencyId, template, points.get(40 + i));
            qalqan.add((System.nanoTime() - t) / 1e6);
            selected += s.selected();
        }
        List<Double> base = new ArrayList<>();
        long baseRows = 0;
        for (int i = 0; i < baselineSamples; i++) {
            long t = System.nanoTime();
            baseRows += baseline(points.get(40 + i), today);
            base.add((System.nanoTime() - t) / 1e6);
        }
        double p50 = percentile(qalqan, 50);
        double p95 = percentile(qalqan, 95);
        double p99 = percentile(qalqan, 99);
        double b50 = percentile(base, 50);
        double b95 = percentile(base, 95);
        out.println();
        out.printf(Locale.ROOT, "%-52s %9s %9s %9s%n", "benchmark: selection (" + members + " members, top " + TOP
                + " within " + (int) RADIUS_KM + " km)", "p50 ms", "p95 ms", "p99 ms");
        out.printf(Locale.ROOT, "%-52s %9.1f %9.1f %9.1f%n", "Qalqan ForceSelection.select (" + samples + " runs)", p50, p95, p99);
        out.printf(Locale.ROOT, "%-52s %9.1f %9.1f %9.1f%n", "earthdistance SQL on the owning tables (" + baselineSamples + " runs)",
                b50, b95, percentile(base, 99));
        out.printf(Locale.ROOT, "%-52s %9.1f%n", "ratio (baseline p95 / Qalqan p95)", b95 / p95);
        out.printf(Locale.ROOT, "mean selected: Qalqan %.0f, baseline %.0f%n", selected / (double) samples,
                baseRows / (double) baselineSamples);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "selection");
        json.put("count", members);
        json.put("top", TOP);
        json.put("radiusKm", RADIUS_KM);
        json.put("samples", samples);
        json.put("p50Ms", round(p50));
        json.put("p95Ms", round(p95));
        json.put("p99Ms", round(p99));
        json.put("baselineSamples", baselineSamples);
        json.put("baselineP50Ms", round(b50));
        json.put("baselineP95Ms", round(b95));
        json.put("ratio", round(b95 / p95));
        json.put("candidates", indexed);
        json.put("rebuildSeconds", round(rebuildSeconds));
        json.put("meanSelected", round(selected / (double) samples));
        StringBuilder line = new StringBuilder("{");
        json.forEach((k, v) -> line.append(line.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v)));
        out.println(line.append('}'));
        return 0;
    }

    private Selection select(long emergencyId, SelectionRequest t, double[] point) {
        return selection.select(emergencyId, new SelectionRequest(t.count(), t.qualifications(), t.match(), t.unitTypes(),
                point[0], point[1], t.radiusKm(), t.overrideAcwr(), t.reason(), t.exemptions()));
    }

    /** Homes within about ±15 km of the member's district centre (the region's when the district has none). */
    private void place() {
        jdbc.sql("""
                update registry.member m
                set lat = coalesce(d.center_lat, r.center_lat) + (random() - 0.5) * 0.27,
                    lon = coalesce(d.center_lon, r.center_lon) + (random() - 0.5) * 0.38
                from registry.region r, registry.district d
                where m.lat is null and m.iin like '0000%' and r.code = m.region_code and d.id = m.district_id
                  and coalesce(d.center_lat, r.center_lat) is not null""").update();
        jdbc.sql("analyze registry.member").update();
    }

    /** Random homes of the force, jittered by up to ~5 km: points in populated areas. */
    private List<double[]> points(Random random, int n) {
        List<double[]> homes = jdbc.sql("select lat, lon from emergency.candidate tablesample system (1) limit 5000")
                .query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2)}).list();
        if (homes.isEmpty()) {
            homes = jdbc.sql("select lat, lon from emergency.candidate limit 5000")
                    .query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2)}).list();
        }
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] h = homes.get(random.nextInt(homes.size()));
            points.add(new double[]{h[0] + (random.nextDouble() - 0.5) * 0.09, h[1] + (random.nextDouble() - 0.5) * 0.12});
        }
        return points;
    }

    /** The straightforward SQL: the same constraints (but ACWR) joined from the owning tables, nearest 500. */
    private int baseline(double[] p, LocalDate today) {
        return transactions.execute(s -> jdbc.sql("""
                select m.id, earth_distance(ll_to_earth(m.lat, m.lon), ll_to_earth(:lat, :lon)) as distance
                from registry.member m
                join lateral (select e.result, e.examined_on, e.unfit_until from medical.exam e
                              where e.member_id = m.id and e.examined_on <= :d
                              order by e.examined_on desc, e.id desc limit 1) x on true
                where earth_box(ll_to_earth(:lat, :lon), :r) @> ll_to_earth(m.lat, m.lon)
                  and earth_distance(ll_to_earth(m.lat, m.lon), ll_to_earth(:lat, :lon)) <= :r
                  and m.status = 'ACTIVE'
                  and exists (select 1 from training.member_qualification q
                              where q.member_id = m.id and q.qualification_code = 'first_aid' and q.revoked_at is null
                                and (q.expires_on is null or q.expires_on > :d))
                  and x.result <> 'UNFIT' and (x.result <> 'TEMPORARILY_UNFIT' or x.unfit_until <= :d)
                  and (x.examined_on + interval '12 months')::date > :d
                  and not exists (select 1 from medical.profile pr
                                  where pr.member_id = m.id and :d between pr.starts_on and pr.ends_on
                                    and pr.restrictions && array['NO_LOAD_OVER_KG', 'NO_RUNNING', 'NO_HEIGHTS',
                                                                 'NO_HEAT_EXPOSURE'])
                  and not exists (select 1 from emergency.activation a join emergency.emergency em on em.id = a.emergency_id
                                  where a.member_id = m.id and a.status in ('ORDERED', 'ACCEPTED')
                                    and em.status in ('ACTIVE', 'STOOD_DOWN'))
                  and not exists (select 1 from emergency.shift sh
                                  where sh.member_id = m.id and not sh.cancelled and sh.starts_at <= now()
                                    and sh.ends_at > now() - interval '10 hours')
                  and coalesce((select sum(least(sh.ends_at, now()) - greatest(sh.starts_at, now() - interval '7 days'))
                                from emergency.shift sh
                                where sh.member_id = m.id and not sh.cancelled and sh.ends_at > now() - interval '7 days'
                                  and sh.starts_at < now()), interval '0') < interval '60 hours'
                order by distance limit 500""")
                .param("lat", p[0]).param("lon", p[1]).param("r", RADIUS_KM * 1000).param("d", Date.valueOf(today))
                .query().listOfRows().size());
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
