package kz.qalqan.readiness.internal;

import kz.qalqan.medical.MedicalFitness;
import kz.qalqan.registry.Placements;
import kz.qalqan.training.QualificationHoldings;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The readiness read model of the other modules' data: units, positions, members with their fitness
 * window, profiles' limitation days and held qualifications. Single rows are upserted from events; a
 * rebuild streams each module's bulk API into {@code COPY}.
 */
@Repository
public class ReadModelRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public ReadModelRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public boolean hasUnit(long unitId) {
        return jdbc.sql("select exists(select 1 from readiness.unit where id = ?)").param(unitId).query(Boolean.class).single();
    }

    public boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from readiness.unit)").query(Boolean.class).single();
    }

    public Optional<String> unitPath(long unitId) {
        return jdbc.sql("select org_path from readiness.unit where id = ?").param(unitId).query(String.class).optional();
    }

    public Optional<Long> unitOfMember(long memberId) {
        return jdbc.sql("select unit_id from readiness.member where id = ?").param(memberId).query(Long.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    public void putUnit(Placements.UnitPlacement u) {
        jdbc.sql("""
                insert into readiness.unit (id, parent_id, org_path, region_code, district_id, code, name)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set parent_id = excluded.parent_id, org_path = excluded.org_path,
                    region_code = excluded.region_code, district_id = excluded.district_id, code = excluded.code,
                    name = excluded.name""")
                .params(u.id(), u.parentId(), u.orgPath(), u.regionCode(), u.districtId(), u.code(), u.name())
                .update();
    }

    public void replacePositions(long unitId, List<Placements.PositionPlacement> positions) {
        jdbc.sql("delete from readiness.position where unit_id = ?").param(unitId).update();
        for (Placements.PositionPlacement p : positions) {
            jdbc.sql("insert into readiness.position (id, unit_id, required, medical_standard) values (?, ?, ?, ?)")
                    .params(p.id(), p.unitId(), p.requiredQualifications().toArray(String[]::new), p.medicalStandard())
                    .update();
        }
    }

    public void putMember(Placements.MemberPlacement m) {
        jdbc.sql("""
                insert into readiness.member (id, unit_id, position_id, active, org_path) values (?, ?, ?, ?, ?)
                on conflict (id) do update set unit_id = excluded.unit_id, position_id = excluded.position_id,
                    active = excluded.active, org_path = excluded.org_path""")
                .params(m.memberId(), m.unitId(), m.positionId(), m.active(), m.orgPath())
                .update();
    }

    public void removeMember(long memberId) {
        jdbc.sql("delete from readiness.member where id = ?").param(memberId).update();
        jdbc.sql("delete from readiness.qualification where member_id = ?").param(memberId).update();
        jdbc.sql("delete from readiness.limitation where member_id = ?").param(memberId).update();
    }

    /** Sets the member's fitness window and limitation days; a member not yet in the model gets them on its placement. */
    public void putFitness(MedicalFitness.Window w) {
        jdbc.sql("update readiness.member set fit_from = ?, fit_until = ?, limited = ? where id = ?")
                .params(date(w.fitFrom()), date(w.fitUntil()), w.limited(), w.memberId()).update();
        jdbc.sql("delete from readiness.limitation where member_id = ?").param(w.memberId()).update();
        for (MedicalFitness.Limitation l : w.limitations()) {
            jdbc.sql("insert into readiness.limitation (member_id, starts_on, ends_on) values (?, ?, ?)")
                    .params(w.memberId(), date(l.startsOn()), date(l.endsOn())).update();
        }
    }

    public void replaceHoldings(long memberId, List<QualificationHoldings.Holding> holdings) {
        jdbc.sql("delete from readiness.qualification where member_id = ?").param(memberId).update();
        for (QualificationHoldings.Holding h : holdings) {
            jdbc.sql("insert into readiness.qualification (member_id, code, expires_on) values (?, ?, ?)")
                    .params(memberId, h.code(), date(h.expiresOn())).update();
        }
    }

    /** Members whose fitness window has run out by {@code day}: a renewed exam that kept the class is re-read. */
    public List<Long> membersWithLapsedFitness(LocalDate day) {
        return jdbc.sql("select id from readiness.member where fit_until is not null and fit_until <= ?")
                .param(Date.valueOf(day)).query(Long.class).list();
    }

    /** Replaces the whole read model from the modules' bulk APIs, streamed through COPY, in the caller's transaction. */
    public Rebuilt rebuild(Placements placements, QualificationHoldings holdings, MedicalFitness fitness) {
        // DELETE, not TRUNCATE: readers keep reading the old rows (MVCC) instead of queueing behind an exclusive
        // lock per table, which deadlocked with a board read that holds one table and waits for the next
        for (String table : List.of("qualification", "limitation", "member", "position", "unit")) {
            jdbc.sql("delete from readiness." + table).update();
        }
        long units = copy("readiness.unit (id, parent_id, org_path, region_code, district_id, code, name)",
                sink -> placements.eachUnit(u -> sink.accept(row(u.id(), u.parentId(), u.orgPath(), u.regionCode(),
                        u.districtId(), u.code(), u.name()))));
        long positions = copy("readiness.position (id, unit_id, required, medical_standard)",
                sink -> placements.eachPosition(p -> sink.accept(row(p.id(), p.unitId(), array(p.requiredQualifications()),
                        p.medicalStandard()))));
        jdbc.sql("create temp table fitness_load (member_id bigint, fit_from date, fit_until date, limited boolean) on commit drop").update();
        long members = copy("readiness.member (id, unit_id, position_id, active, org_path)",
                sink -> placements.eachMember(m -> sink.accept(row(m.memberId(), m.unitId(), m.positionId(), m.active(), m.orgPath()))));
        List<String> limitations = new java.util.ArrayList<>();
        copy("fitness_load (member_id, fit_from, fit_until, limited)",
                sink -> fitness.each(w -> {
                    sink.accept(row(w.memberId(), w.fitFrom(), w.fitUntil(), w.limited()));
                    w.limitations().forEach(l -> limitations.add(row(w.memberId(), l.startsOn(), l.endsOn())));
                }));
        copy("readiness.limitation (member_id, starts_on, ends_on)", sink -> limitations.forEach(sink));
        jdbc.sql("""
                update readiness.member m set fit_from = f.fit_from, fit_until = f.fit_until, limited = f.limited
                from fitness_load f where f.member_id = m.id""").update();
        long qualifications = copy("readiness.qualification (member_id, code, expires_on)",
                sink -> holdings.each(h -> sink.accept(row(h.memberId(), h.code(), h.expiresOn()))));
        jdbc.sql("analyze readiness.member").update();
        jdbc.sql("analyze readiness.qualification").update();
        jdbc.sql("analyze readiness.position").update();
        return new Rebuilt(units, positions, members, qualifications);
    }

    public record Rebuilt(long units, long positions, long members, long qualifications) {
    }

    /**
     * Writes the rows {@code producer} emits to a temporary file, then {@code COPY target FROM} it on the
     * transaction's connection: the producer's own query runs on that same connection, which cannot serve a
     * query while a COPY is open.
     */
    private long copy(String target, Consumer<Consumer<String>> producer) {
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("qalqan-readiness-", ".copy");
            long[] rows = {0};
            try (var out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
                producer.accept(line -> {
                    try {
                        out.write(line);
                        out.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    rows[0]++;
                });
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (var in = java.nio.file.Files.newInputStream(file)) {
                new CopyManager(connection.unwrap(BaseConnection.class)).copyIn("copy " + target + " from stdin", in, 1 << 16);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return rows[0];
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("copy into " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    /** One COPY text-format row. */
    static String row(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof RawArray a) {
                b.append(a.text());
            } else {
                escape(b, v.toString());
            }
        }
        return b.toString();
    }

    private record RawArray(String text) {
    }

    private static RawArray array(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            // qualification codes are [a-z0-9_]: no quoting needed inside the array literal
            b.append(values.get(i));
        }
        return new RawArray(b.append('}').toString());
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
