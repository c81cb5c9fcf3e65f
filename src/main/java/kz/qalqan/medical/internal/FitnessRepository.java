package kz.qalqan.medical.internal;

import kz.qalqan.medical.MedicalFitness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Fitness windows from the latest exam and the profiles, set-based; see {@link MedicalFitness}. */
@Repository
public class FitnessRepository {

    private static final String WINDOWS = """
            with latest as (
                select distinct on (member_id) member_id, examined_on, result, unfit_until
                from medical.exam
                where examined_on <= ? %1$s
                order by member_id, examined_on desc, id desc),
            limits as (
                select member_id, array_agg(starts_on order by starts_on) starts, array_agg(ends_on order by starts_on) ends
                from medical.profile where true %1$s
                group by member_id)
            select coalesce(l.member_id, p.member_id) member_id,
                   case l.result when 'UNFIT' then null when 'TEMPORARILY_UNFIT' then l.unfit_until else l.examined_on end fit_from,
                   (l.examined_on + make_interval(months => ?))::date fit_until,
                   coalesce(l.result = 'FIT_LIMITED', false) limited,
                   p.starts, p.ends
            from latest l full join limits p on p.member_id = l.member_id""";

    private final JdbcClient jdbc;

    public FitnessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MedicalFitness.Window> window(long memberId, LocalDate today, int validityMonths) {
        return jdbc.sql(WINDOWS.formatted("and member_id = " + memberId))
                .params(Date.valueOf(today), validityMonths)
                .query((rs, i) -> window(rs)).optional();
    }

    public void each(LocalDate today, int validityMonths, Consumer<MedicalFitness.Window> sink) {
        jdbc.sql(WINDOWS.formatted("")).params(Date.valueOf(today), validityMonths)
                .query(rs -> { sink.accept(window(rs)); });
    }

    private static final String PROFILES = """
            select member_id, restrictions, max_load_kg, starts_on, ends_on from medical.profile where ends_on >= ?""";

    public List<MedicalFitness.Profile> profiles(long memberId, LocalDate today) {
        return jdbc.sql(PROFILES + " and member_id = ? order by starts_on, id").params(Date.valueOf(today), memberId)
                .query((rs, i) -> profile(rs)).list();
    }

    public void eachProfile(LocalDate today, Consumer<MedicalFitness.Profile> sink) {
        jdbc.sql(PROFILES).param(Date.valueOf(today)).withFetchSize(5000).query(rs -> { sink.accept(profile(rs)); });
    }

    private static MedicalFitness.Profile profile(ResultSet rs) throws SQLException {
        List<kz.qalqan.medical.Restriction> restrictions = new ArrayList<>();
        for (String r : (String[]) rs.getArray("restrictions").getArray()) {
            restrictions.add(kz.qalqan.medical.Restriction.valueOf(r));
        }
        return new MedicalFitness.Profile(rs.getLong("member_id"), List.copyOf(restrictions),
                rs.getObject("max_load_kg", Integer.class), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }

    private static MedicalFitness.Window window(ResultSet rs) throws SQLException {
        LocalDate from = rs.getObject("fit_from", LocalDate.class);
        LocalDate until = from == null ? null : rs.getObject("fit_until", LocalDate.class);
        List<MedicalFitness.Limitation> limitations = new ArrayList<>();
        java.sql.Array starts = rs.getArray("starts");
        if (starts != null) {
            Date[] s = (Date[]) starts.getArray();
            Date[] e = (Date[]) rs.getArray("ends").getArray();
            for (int i = 0; i < s.length; i++) {
                limitations.add(new MedicalFitness.Limitation(s[i].toLocalDate(), e[i].toLocalDate()));
            }
        }
        return new MedicalFitness.Window(rs.getLong("member_id"), from, until, rs.getBoolean("limited"), List.copyOf(limitations));
    }
}
