package kz.qalqan.bench.internal;

import kz.qalqan.bench.BenchResult;
import kz.qalqan.demo.DemoData;
import kz.qalqan.demo.DemoForce;
import kz.qalqan.demo.MemberGenerator;
import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberImport;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * {@code bench import --count N}: generates N members, then times (a) a raw {@code COPY} of the file into
 * a bare table with the same columns and equivalent indexes and (b) Qalqan's validated import of the same
 * file into the register.
 */
@Component
class ImportBenchmark implements Command {

    private final DataSource dataSource;
    private final MemberImport imports;
    private final DemoData demo;

    ImportBenchmark(DataSource dataSource, MemberImport imports, DemoData demo) {
        this.dataSource = dataSource;
        this.imports = imports;
        this.demo = demo;
    }

    @Override
    public String name() {
        return "bench import";
    }

    @Override
    public String usage() {
        return "bench import [--count N] [--seed S]   validated import vs raw COPY of N generated members";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, List.of("count", "seed"));
        long count = BenchOptions.positive(options, "count", 1_000_000);
        long seed = BenchOptions.positive(options, "seed", 42);
        if (memberCount() > 0) {
            throw new UsageException("bench import needs an empty register (it truncates members); "
                    + "run it without --qalqan.data-dir and QALQAN_DB_URL to use a throwaway database");
        }
        demo.ensureUnits();

        Path dir = Files.createTempDirectory("qalqan-bench-import");
        try {
            Path warmup = dir.resolve("warmup.csv");
            Path file = dir.resolve("members.csv");
            out.printf("Generating %d members (seed %d) ...%n", count, seed);
            generate(warmup, Math.min(20_000, count), seed + 1);
            generate(file, count, seed);
            out.printf("File: %.1f MB%n", Files.size(file) / 1e6);

            out.println("Warm-up: one small import of each kind ...");
            rawCopy(warmup);
            importFile(warmup);
            truncate("registry.assignment", "registry.member");

            out.println("Baseline: raw COPY into a bare table ...");
            double baseline = rawCopy(file);
            out.println("Qalqan: validated import ...");
            long started = System.nanoTime();
            ImportReport report = importFile(file);
            double qalqan = (System.nanoTime() - started) / 1e9;
            if (report.accepted() != count) {
                throw new IllegalStateException("import accepted " + report.accepted() + " of " + count + " rows: " + report.errors());
            }
            new BenchResult("import", count, qalqan, baseline, Map.of()).print(out, "Qalqan validated import", "raw COPY (bare table, same indexes)");
            return 0;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void generate(Path file, long count, long seed) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new MemberGenerator(seed, DemoForce.standard()).write(count, w);
        }
    }

    private ImportReport importFile(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return imports.importMembers(in, ImportMode.ALL_OR_NOTHING, "bench", file.getFileName().toString());
        }
    }

    private long memberCount() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select count(*) from registry.member")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void truncate(String... tables) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("truncate " + String.join(", ", tables));
        }
    }

    /** The file's columns as text, plus indexes like the register's member table has. */
    private double rawCopy(Path file) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_raw_member");
            st.execute("""
                    create table bench_raw_member (
                        id bigint generated by default as identity primary key,
                        iin char(12) not null unique, last_name text, first_name text, middle_name text, category text,
                        phone text, email text, region text, district text, unit text, lat double precision,
                        lon double precision, language text, skills text)""");
            st.execute("create index on bench_raw_member (region text_pattern_ops, id)");
            st.execute("create index on bench_raw_member (unit)");
            st.execute("create index on bench_raw_member using gin ((string_to_array(skills, '|')))");
            st.execute("""
                    create index on bench_raw_member using gin
                        ((lower(last_name || ' ' || first_name || ' ' || coalesce(middle_name, ''))) gin_trgm_ops)""");
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                new CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class)).copyIn("""
                        copy bench_raw_member (iin, last_name, first_name, middle_name, category, phone, email, region,
                            district, unit, lat, lon, language, skills) from stdin (format csv, header true)""", in, 1 << 16);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            st.execute("drop table bench_raw_member");
            return seconds;
        }
    }
}
