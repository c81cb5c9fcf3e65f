package kz.qalqan.emergency.selection;

import kz.qalqan.medical.MedicalFitness;
import kz.qalqan.registry.Placements;
import kz.qalqan.training.QualificationHoldings;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The candidate index: emergency's read model of members for force selection (one row per member with home
 * coordinates). Single members are upserted from the owning modules' APIs when their events arrive; a rebuild
 * streams the modules' bulk APIs through COPY into staging tables and fills the index with one INSERT … SELECT.
 * The nearest-first query uses the GiST index on {@code pos} twice: the earth box bounds the scan to the radius and
 * {@code <->} (chord distance, monotone in great-circle distance) returns rows nearest first, so a top-N selection
 * reads about N rows, not everyone within the radius.
 */
@Repository
class CandidateIndex {

    static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            member_id, org_path, active, last_name, first_name, lat, lon, unit_id, unit_type, unit_name, position_required,
            position_standard, quals, qual_expires, fit_from, fit_until, exam_limited, profiles::text""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CandidateIndex(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** What the nearest-first scan filters on in SQL; the policy checks the rest row by row. */
    record Filter(double lat, double lon, double radiusKm, String[] scopePatterns, String[] qualifications,
                  boolean matchAll, String[] unitTypes) {
    }

    /** Up to {@code limit} candidates within the radius box, nearest first. */
    List<Candidate> nearest(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + """
                 from emergency.candidate
                where earth_box(ll_to_earth(:lat, :lon), :radius) @> pos""");
        var spec = new java.util.LinkedHashMap<String, Object>();
        spec.put("lat", f.lat());
        spec.put("lon", f.lon());
        spec.put("radius", f.radiusKm() * 1000.0);
        if (f.scopePatterns() != null) {
            sql.append(" and org_path like any (cast(:patterns as text[]))");
            spec.put("patterns", f.scopePatterns());
        }
        if (f.qualifications().length > 0) {
            sql.append(f.matchAll() ? " and quals @> cast(:quals as text[])" : " and quals && cast(:quals as text[])");
            spec.put("quals", f.qualifications());
        }
        if (f.unitTypes().length > 0) {
            sql.append(" and unit_type = any (cast(:types as text[]))");
            spec.put("types", f.unitTypes());
        }
        sql.append(" order by pos <-> ll_to_earth(:lat, :lon) limit :limit");
        spec.put("limit", limit);
        return jdbc.sql(sql.toString()).params(spec).query((rs, i) -> candidate(rs)).list();
    }

    Candidate find(long memberId) {
        return jdbc.sql("select " + COLUMNS + " from emergency.candidate where member_id = ?").param(memberId)
                .query((rs, i) -> candidate(rs)).optional().orElse(null);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        String[] quals = (String[]) rs.getArray("quals").getArray();
        Date[] expires = (Date[]) rs.getArray("qual_expires").getArray();
        List<LocalDate> expiry = new ArrayList<>(expires.length);
        for (Date d : expires) {
            expiry.add(d.toLocalDate());
        }
        String profilesJson = rs.getString("profiles");
        List<Candidate.Profile> profiles = List.of();
        if (profilesJson != null && profilesJson.length() > 2) {
            profiles = new ArrayList<>();
            for (JsonNode p : JSON.readTree(profilesJson)) {
                List<String> restrictions = new ArrayList<>();
                p.get("r").forEach(r -> restrictions.add(r.asString()));
                JsonNode kg = p.get("kg");
                profiles.add(new Candidate.Profile(restrictions, kg == null || kg.isNull() ? null : kg.asInt(),
                        LocalDate.parse(p.get("from").asString()), LocalDate.parse(p.get("to").asString())));
            }
        }
        java.sql.Array required = rs.getArray("position_required");
        return new Candidate(rs.getLong("member_id"), rs.getString("org_path"), rs.getBoolean("active"),
                rs.getString("last_name"), rs.getString("first_name"), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getObject("unit_id", Long.class), rs.getString("unit_type"), rs.getString("unit_name"),
                Arrays.asList((String[]) required.getArray()), rs.getString("position_standard"),
                Arrays.asList(quals), expiry, rs.getObject("fit_from", LocalDate.class),
                rs.getObject("fit_until", LocalDate.class), rs.getBoolean("exam_limited"), profiles);
    }

    /** Replaces one member's row from the modules' current facts; no row without home coordinates. */
    void put(Placements.MemberLocation m, Placements.PositionPlacement position,
             List<QualificationHoldings.Holding> holdings, MedicalFitness.Window fitness,
             List<MedicalFitness.Profile> profiles) {
        if (m.lat() == null || m.lon() == null) {
            remove(m.memberId());
            return;
        }
        List<QualificationHoldings.Holding> sorted = holdings.stream()
                .sorted(java.util.Comparator.comparing(QualificationHoldings.Holding::code)).toList();
        String[] codes = sorted.stream().map(QualificationHoldings.Holding::code).toArray(String[]::new);
        String[] expires = sorted.stream().map(h -> (h.expiresOn() == null ? NEVER : h.expiresOn()).toString())
                .toArray(String[]::new);
        List<Map<String, Object>> profileJson = new ArrayList<>();
        for (MedicalFitness.Profile p : profiles) {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("r", p.restrictions().stream().map(Enum::name).toList());
            json.put("kg", p.maxLoadKg());
            json.put("from", p.startsOn().toString());
            json.put("to", p.endsOn().toString());
            profileJson.add(json);
        }
        jdbc.sql("""
                insert into emergency.candidate (member_id, org_path, active, last_name, first_name, lat, lon, pos,
                    region_code, unit_id, unit_type, unit_name, position_id, position_required, position_standard, quals,
                    qual_expires, fit_from, fit_until, exam_limited, profiles)
                values (:id, :path, :active, :last, :first, :lat, :lon, ll_to_earth(:lat, :lon), :region, :unit, :type, :unitName,
                    :position, cast(:required as text[]), :standard, cast(:quals as text[]), cast(:expires as date[]), :fitFrom, :fitUntil, :limited,
                    cast(:profiles as jsonb))
                on conflict (member_id) do update set org_path = excluded.org_path, active = excluded.active,
                    last_name = excluded.last_name, first_name = excluded.first_name, lat = excluded.lat,
                    lon = excluded.lon, pos = excluded.pos, region_code = excluded.region_code,
                    unit_id = excluded.unit_id, unit_type = excluded.unit_type, unit_name = excluded.unit_name, position_id = excluded.position_id,
                    position_required = excluded.position_required, position_standard = excluded.position_standard,
                    quals = excluded.quals, qual_expires = excluded.qual_expires, fit_from = excluded.fit_from,
                    fit_until = excluded.fit_until, exam_limited = excluded.exam_limited, profiles = excluded.profiles""")
                .param("id", m.memberId()).param("path", m.orgPath()).param("active", m.active())
                .param("last", m.lastName()).param("first", m.firstName()).param("lat", m.lat()).param("lon", m.lon())
                .param("region", m.regionCode()).param("unit", m.unitId()).param("type", m.unitType()).param("unitName", m.unitName())
                .param("position", m.positionId())
                .param("required", position == null ? new String[0] : position.requiredQualifications().toArray(String[]::new))
                .param("standard", position == null ? null : position.medicalStandard())
                .param("quals", codes).param("expires", expires)
                .param("fitFrom", fitness.fitFrom() == null ? null : Date.valueOf(fitness.fitFrom()))
                .param("fitUntil", fitness.fitUntil() == null ? null : Date.valueOf(fitness.fitUntil()))
                .param("limited", fitness.limited())
                .param("profiles", JSON.writeValueAsString(profileJson))
                .update();
    }

    void remove(long memberId) {
        jdbc.sql("delete from emergency.candidate where member_id = ?").param(memberId).update();
    }

    long size() {
        return jdbc.sql("select count(*) from emergency.candidate").query(Long.class).single();
    }

    /** Whether a full build ever completed (an index may be built and still empty: no member has a home). */
    boolean built() {
        return jdbc.sql("select exists (select 1 from emergency.candidate_build)").query(Boolean.class).single();
    }

    /** Replaces the whole index in the caller's transaction; returns the number of candidates. */
    long rebuild(Placements placements, QualificationHoldings holdings, MedicalFitness fitness) {
        // first, so that a member changed while the sources are read waits and is written after this rebuild,
        // instead of being written before the truncate and lost
        jdbc.sql("lock table emergency.candidate in share row exclusive mode").update();
        jdbc.sql("""
                create temp table cand_location (member_id bigint, last_name text, first_name text, lat double precision,
                    lon double precision, region_code text, unit_id bigint, unit_type text, unit_name text, position_id bigint,
                    active boolean, org_path text) on commit drop""").update();
        jdbc.sql("create temp table cand_position (id bigint, required text[], standard text) on commit drop").update();
        jdbc.sql("create temp table cand_qual (member_id bigint, code text, expires_on date) on commit drop").update();
        jdbc.sql("create temp table cand_fitness (member_id bigint, fit_from date, fit_until date, limited boolean) on commit drop").update();
        jdbc.sql("""
                create temp table cand_profile (member_id bigint, restrictions text[], kg int, starts_on date,
                    ends_on date) on commit drop""").update();
        copy("cand_location", sink -> placements.eachLocation(m -> {
            if (m.lat() != null && m.lon() != null) {
                sink.accept(row(m.memberId(), m.lastName(), m.firstName(), m.lat(), m.lon(), m.regionCode(), m.unitId(),
                        m.unitType(), m.unitName(), m.positionId(), m.active(), m.orgPath()));
            }
        }));
        copy("cand_position", sink -> placements.eachPosition(p -> sink.accept(row(p.id(),
                new Raw("{" + String.join(",", p.requiredQualifications()) + "}"), p.medicalStandard()))));
        copy("cand_qual", sink -> holdings.each(h -> sink.accept(row(h.memberId(), h.code(), h.expiresOn()))));
        copy("cand_fitness", sink -> fitness.each(w -> sink.accept(row(w.memberId(), w.fitFrom(), w.fitUntil(), w.limited()))));
        copy("cand_profile", sink -> fitness.eachProfile(p -> sink.accept(row(p.memberId(),
                new Raw("{" + String.join(",", p.restrictions().stream().map(Enum::name).toList()) + "}"),
                p.maxLoadKg(), p.startsOn(), p.endsOn()))));
        jdbc.sql("create index on cand_qual (member_id)").update();
        jdbc.sql("truncate emergency.candidate").update();
        jdbc.sql("drop index if exists emergency.candidate_pos_idx").update();
        long rows = jdbc.sql("""
                insert into emergency.candidate (member_id, org_path, active, last_name, first_name, lat, lon, pos,
                    region_code, unit_id, unit_type, unit_name, position_id, position_required, position_standard, quals,
                    qual_expires, fit_from, fit_until, exam_limited, profiles)
                select l.member_id, l.org_path, l.active, l.last_name, l.first_name, l.lat, l.lon,
                       ll_to_earth(l.lat, l.lon), l.region_code, l.unit_id, l.unit_type, l.unit_name, l.position_id,
                       coalesce(p.required, '{}'), p.standard, coalesce(q.codes, '{}'), coalesce(q.expires, '{}'),
                       f.fit_from,
                       f.fit_until, coalesce(f.limited, false), coalesce(pr.profiles, '[]')
                from cand_location l
                left join cand_position p on p.id = l.position_id
                left join (select member_id, array_agg(code order by code) codes,
                                  array_agg(coalesce(expires_on, date '9999-12-31') order by code) expires
                           from cand_qual group by member_id) q on q.member_id = l.member_id
                left join cand_fitness f on f.member_id = l.member_id
                left join (select member_id, jsonb_agg(jsonb_build_object('r', restrictions, 'kg', kg, 'from', starts_on,
                                  'to', ends_on) order by starts_on) profiles
                           from cand_profile group by member_id) pr on pr.member_id = l.member_id""").update();
        jdbc.sql("create index candidate_pos_idx on emergency.candidate using gist (pos)").update();
        jdbc.sql("analyze emergency.candidate").update();
        jdbc.sql("""
                insert into emergency.candidate_build (id, built_at, members) values (1, now(), ?)
                on conflict (id) do update set built_at = excluded.built_at, members = excluded.members""")
                .param(rows).update();
        return rows;
    }

    /** Writes the producer's rows to a temporary file, then COPYs it on the transaction's connection. */
    private void copy(String table, Consumer<Consumer<String>> producer) {
        Path file = null;
        try {
            file = Files.createTempFile("qalqan-candidates-", ".copy");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                producer.accept(line -> {
                    try {
                        out.write(line);
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (var in = Files.newInputStream(file)) {
                new CopyManager(connection.unwrap(BaseConnection.class)).copyIn("copy " + table + " from stdin", in, 1 << 16);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("copy into " + table + " failed: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private record Raw(String text) {
    }

    private static String row(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof Raw raw) {
                b.append(raw.text());
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> b.append("\\\\");
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        default -> b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
