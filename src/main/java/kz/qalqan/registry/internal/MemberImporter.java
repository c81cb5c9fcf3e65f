package kz.qalqan.registry.internal;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.csv.CsvFormatException;
import kz.qalqan.platform.csv.CsvReader;
import kz.qalqan.platform.csv.CsvRecord;
import kz.qalqan.registry.ImportIssue;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportProgress;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MembersImported;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.shared.CalendarDate;
import kz.qalqan.shared.Iin;
import kz.qalqan.shared.IinWarning;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Streams a member CSV into the register in one transaction: each row is checked in memory by
 * {@link MemberRules} and written through {@code COPY} into a temporary staging table; duplicates within
 * the file and against the register are then found set-based, and the good rows move into
 * {@code registry.member} (with their first assignment) by one {@code INSERT ... SELECT}. A crash at any
 * point rolls the whole transaction back: an import is never half-written.
 */
@Component
public class MemberImporter {

    private static final Logger log = LoggerFactory.getLogger(MemberImporter.class);
    private static final int PROGRESS_EVERY = 10_000;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final OrgRepository org;
    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    public MemberImporter(DataSource dataSource, PlatformTransactionManager transactionManager, OrgRepository org,
                          ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.org = org;
        this.events = events;
    }

    public ImportReport run(UUID id, InputStream input, ImportMode mode, String actor, Visibility target,
                            ImportProgress progress) {
        Run run = new Run(id, mode, target);
        ImportReport report = transactions.execute(status -> {
            ImportReport r = run.execute(input, actor, progress);
            if (r.status() == ImportReport.Status.REJECTED) {
                status.setRollbackOnly();
            }
            return r;
        });
        return report;
    }

    /** The state of one import while it runs. */
    private final class Run {
        private final UUID id;
        private final ImportMode mode;
        private final Visibility target;
        private final List<ImportIssue> errors = new ArrayList<>();
        private final List<ImportIssue> warnings = new ArrayList<>();
        private boolean truncated;
        private long total;
        private long rejected;

        Run(UUID id, ImportMode mode, Visibility target) {
            this.id = id;
            this.mode = mode;
            this.target = target;
        }

        ImportReport execute(InputStream input, String actor, ImportProgress progress) {
            long started = System.nanoTime();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            CountingInputStream counted = new CountingInputStream(input);
            try (CsvReader reader = CsvReader.open(counted)) {
                CsvRecord header = reader.next();
                if (header == null) {
                    error(1, null, null, "registry.import.emptyFile");
                    return rejectedWhole();
                }
                ImportColumns columns = ImportColumns.of(header);
                columns.missing.forEach(c -> error(1, c, null, "registry.import.missingColumn", c));
                columns.duplicated.forEach(c -> error(1, c, c, "registry.import.repeatedColumn", c));
                columns.unknown.forEach(c -> warning(1, c, c, "imports.issue.unknownColumn"));
                if (!columns.missing.isEmpty() || !columns.duplicated.isEmpty()) {
                    return rejectedWhole();
                }
                InMemoryOrgLookup lookup = new InMemoryOrgLookup(org.regions(), org.districts(), org.unitRefs(target));
                createStagingTable(connection);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Writer copy = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, """
                        copy import_stage (line, ok, iin, last_name, first_name, middle_name, birth_date, sex, category,
                            phone, email, region_code, district_id, unit_id, lat, lon, language, skills, review_warnings, org_path)
                        from stdin""", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                    CsvRecord row;
                    while ((row = reader.next()) != null) {
                        if (isBlank(row)) {
                            continue;
                        }
                        total++;
                        stageRow(row, columns, lookup, reader.delimiter(), copy);
                        if (total % PROGRESS_EVERY == 0) {
                            progress.update(total, counted.count);
                        }
                    }
                }
                progress.update(total, counted.count);
                long staged = System.nanoTime();
                rejectDuplicates(connection);
                long checked = System.nanoTime();
                if (rejected > 0 && mode == ImportMode.ALL_OR_NOTHING) {
                    return rejectedWhole();
                }
                long accepted = insertAccepted(connection, actor);
                // recorded last: the audit chain is serialised and held until this transaction commits
                // the importer's area: rows outside it are refused, so every accepted member lies within it
                audit.record("IMPORT_MEMBERS", "import", id.toString(), target.scope().commonPath(), null,
                        "rows=" + total + " accepted=" + accepted + " rejected=" + rejected + " mode=" + mode);
                log.info("Import {}: read, checked and staged {} rows in {} ms; duplicates {} ms; insert {} ms", id, total,
                        (staged - started) / 1_000_000, (checked - staged) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
                if (accepted > 0) {
                    events.publishEvent(new MembersImported(id, accepted));
                }
                return committed(accepted);
            } catch (CsvFormatException e) {
                error(ImportIssue.of(e.line(), null, null, e.code(), e.argsArray()));
                rejected++;
                return rejectedWhole();
            } catch (SQLException e) {
                throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void stageRow(CsvRecord row, ImportColumns columns, InMemoryOrgLookup lookup, char delimiter,
                              Writer copy) throws IOException {
            long line = row.line();
            if (row.size() != columns.width) {
                error(line, null, null, "registry.import.rowWidth", row.size(), columns.width);
                rejected++;
                return;
            }
            List<ImportIssue> problems = new ArrayList<>();
            String region = columns.value(row, "region");
            String regionCode = region == null ? null : region.toUpperCase(java.util.Locale.ROOT);

            Integer districtId = null;
            String district = columns.value(row, "district");
            if (district != null) {
                if (district.chars().allMatch(Character::isDigit) && district.length() < 9) {
                    districtId = Integer.parseInt(district);
                } else if (regionCode != null) {
                    Optional<Integer> byName = lookup.districtByName(regionCode, district);
                    if (byName.isEmpty()) {
                        problems.add(ImportIssue.of(line, "district", district, "registry.import.unknownDistrict", regionCode));
                    }
                    districtId = byName.orElse(null);
                }
            }

            Long unitId = null;
            String unit = columns.value(row, "unit");
            if (unit != null) {
                Optional<OrgLookup.UnitRef> ref = lookup.unitByCode(unit);
                if (ref.isEmpty()) {
                    problems.add(ImportIssue.of(line, "unit", unit, "imports.issue.unknownUnit"));
                } else {
                    unitId = ref.get().id();
                }
            }

            Double lat = number(row, columns, "lat", delimiter, problems);
            Double lon = number(row, columns, "lon", delimiter, problems);
            LocalDate birthDate = date(row, columns, problems);
            String skills = columns.value(row, "skills");

            MemberCommand command = new MemberCommand(columns.value(row, "iin"), columns.value(row, "last_name"),
                    columns.value(row, "first_name"), columns.value(row, "middle_name"), columns.value(row, "category"),
                    columns.value(row, "phone"), columns.value(row, "email"), regionCode, districtId, unitId, null,
                    lat, lon, columns.value(row, "language"),
                    skills == null ? List.of() : Arrays.asList(skills.split("\\|")), birthDate,
                    columns.value(row, "sex"), columns.value(row, "status"));

            MemberRules.Outcome outcome = MemberRules.check(command, lookup);
            if (outcome instanceof MemberRules.Rejected r) {
                for (FieldProblem p : r.problems()) {
                    String column = ImportColumns.FIELD_TO_COLUMN.getOrDefault(p.field(), p.field());
                    problems.add(new ImportIssue(line, column, columns.raw(row, column), p.message(), p.code(), p.args()));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt(i -> ImportColumns.KNOWN.indexOf(i.column())));
                problems.forEach(this::error);
                rejected++;
                String iin = command.iin() == null ? null : command.iin().trim();
                if (Iin.isValid(iin)) {
                    // kept (not ok) so that a later row repeating this IIN is still a duplicate of this one
                    writeRejected(copy, line, iin);
                }
                return;
            }
            CheckedMember m = ((MemberRules.Accepted) outcome).member();
            if (!target.covers(m.orgPath())) {
                String column = m.districtId() == null ? "region" : "district";
                error(line, column, columns.raw(row, column), "registry.area.outside");
                rejected++;
                writeRejected(copy, line, m.iin().value());
                return;
            }
            for (String w : m.warnings()) {
                warning(line, "iin", m.iin().value(), IinWarning.valueOf(w).messageKey());
            }
            writeAccepted(copy, line, m);
        }

        private Double number(CsvRecord row, ImportColumns columns, String column, char delimiter, List<ImportIssue> problems) {
            String v = columns.value(row, column);
            if (v == null) {
                return null;
            }
            try {
                return Double.parseDouble(delimiter == ';' ? v.replace(',', '.') : v);
            } catch (NumberFormatException e) {
                problems.add(ImportIssue.of(row.line(), column, v, "registry.import.notADecimal"));
                return null;
            }
        }

        private LocalDate date(CsvRecord row, ImportColumns columns, List<ImportIssue> problems) {
            String v = columns.value(row, "birth_date");
            if (v == null) {
                return null;
            }
            CalendarDate.Problem problem = CalendarDate.problem(v);
            if (problem != null) {
                problems.add(ImportIssue.of(row.line(), "birth_date", v, problem.messageKey()));
                return null;
            }
            return CalendarDate.parse(v).orElseThrow();
        }

        private void rejectDuplicates(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute("analyze import_stage");
                // one hash aggregate finds repeated IINs; the row-level pass runs only for those
                st.execute("""
                        create temporary table import_repeated on commit drop as
                        select iin, min(line) as first_line from import_stage group by iin having count(*) > 1""");
                try (ResultSet rs = st.executeQuery("""
                        update import_stage s set ok = false from import_repeated r
                        where s.iin = r.iin and s.line <> r.first_line and s.ok
                        returning s.line, s.iin, r.first_line""")) {
                    while (rs.next()) {
                        rejected++;
                        error(rs.getLong(1), "iin", rs.getString(2), "imports.issue.repeated", Long.toString(rs.getLong(3)));
                    }
                }
                try (ResultSet rs = st.executeQuery("""
                        update import_stage s set ok = false from registry.member m
                        where m.iin = s.iin and s.ok
                        returning s.line, s.iin""")) {
                    while (rs.next()) {
                        rejected++;
                        error(rs.getLong(1), "iin", rs.getString(2), "imports.issue.registered");
                    }
                }
            }
        }

        private long insertAccepted(Connection connection, String actor) throws SQLException {
            try (var st = connection.prepareStatement("""
                    insert into registry.member (iin, last_name, first_name, middle_name, birth_date, sex, category, phone,
                        email, region_code, district_id, unit_id, lat, lon, language, skills, review_warnings, org_path,
                        assigned_at, assigned_by)
                    select iin, last_name, first_name, middle_name, birth_date, sex, category, phone, email, region_code,
                        district_id, unit_id, lat, lon, language, skills, review_warnings, org_path,
                        case when unit_id is not null then now() end, case when unit_id is not null then ? end
                    from import_stage where ok""")) {
                st.setString(1, actor);
                return st.executeUpdate();
            }
        }

        private void error(long line, String column, String value, String code, Object... args) {
            error(ImportIssue.of(line, column, value, code, args));
        }

        private void error(ImportIssue issue) {
            if (errors.size() < ImportReport.MAX_LISTED) {
                errors.add(issue);
            } else {
                truncated = true;
            }
        }

        private void warning(long line, String column, String value, String code, Object... args) {
            if (warnings.size() < ImportReport.MAX_LISTED) {
                warnings.add(ImportIssue.of(line, column, value, code, args));
            } else {
                truncated = true;
            }
        }

        private ImportReport committed(long accepted) {
            return report(ImportReport.Status.COMMITTED, accepted);
        }

        /** Nothing is written: the caller rolls the transaction back. */
        private ImportReport rejectedWhole() {
            return report(ImportReport.Status.REJECTED, 0);
        }

        private ImportReport report(ImportReport.Status status, long accepted) {
            errors.sort(Comparator.comparingLong(ImportIssue::line));
            return new ImportReport(id, mode, status, total, accepted, rejected, List.copyOf(errors),
                    List.copyOf(warnings), truncated);
        }
    }

    private static void createStagingTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    create temporary table import_stage (
                        line bigint not null, ok boolean not null, iin char(12) not null, last_name text, first_name text,
                        middle_name text, birth_date date, sex text, category text, phone text, email text,
                        region_code text, district_id integer, unit_id bigint, lat double precision, lon double precision,
                        language text, skills text[], review_warnings text[], org_path text
                    ) on commit drop""");
        }
    }

    private static boolean isBlank(CsvRecord row) {
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void writeRejected(Writer copy, long line, String iin) throws IOException {
        copy.write(Long.toString(line));
        copy.write("\tf\t");
        copy.write(iin);
        copy.write("\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n");
    }

    private static void writeAccepted(Writer copy, long line, CheckedMember m) throws IOException {
        copy.write(Long.toString(line));
        copy.write("\tt\t");
        copy.write(m.iin().value());
        field(copy, m.lastName());
        field(copy, m.firstName());
        field(copy, m.middleName());
        field(copy, m.birthDate() == null ? null : m.birthDate().toString());
        field(copy, m.sex());
        field(copy, m.category().name());
        field(copy, m.phone());
        field(copy, m.email());
        field(copy, m.regionCode());
        field(copy, m.districtId() == null ? null : m.districtId().toString());
        field(copy, m.unitId() == null ? null : m.unitId().toString());
        field(copy, m.lat() == null ? null : m.lat().toString());
        field(copy, m.lon() == null ? null : m.lon().toString());
        field(copy, m.language());
        field(copy, arrayLiteral(m.skills()));
        field(copy, arrayLiteral(m.warnings()));
        field(copy, m.orgPath());
        copy.write('\n');
    }

    /** One column in COPY text format: tab-separated, backslash escapes, {@code \N} for null. */
    private static void field(Writer copy, String value) throws IOException {
        copy.write('\t');
        if (value == null) {
            copy.write("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> copy.write("\\\\");
                case '\t' -> copy.write("\\t");
                case '\n' -> copy.write("\\n");
                case '\r' -> copy.write("\\r");
                default -> copy.write(c);
            }
        }
    }

    private static String arrayLiteral(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
