package kz.qalqan.medical.internal;

import kz.qalqan.medical.ExamResult;
import kz.qalqan.medical.Restriction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Exams and profiles of members. */
@Repository
public class MedicalRepository {

    /** An exam row, with the confidential diagnosis. */
    public record ExamRow(MedicalClassPolicy.Exam exam, String diagnosis) {
    }

    /** A profile row, with the confidential reason. */
    public record ProfileRow(MedicalClassPolicy.Profile profile, String reason) {
    }

    private final JdbcClient jdbc;

    public MedicalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public List<ExamRow> exams(long memberId) {
        return jdbc.sql("""
                        select id, examined_on, result, unfit_until, diagnosis from medical.exam
                        where member_id = ? order by examined_on desc, id desc""")
                .param(memberId)
                .query((rs, i) -> new ExamRow(new MedicalClassPolicy.Exam(rs.getLong("id"),
                        rs.getObject("examined_on", LocalDate.class), ExamResult.valueOf(rs.getString("result")),
                        rs.getObject("unfit_until", LocalDate.class)), rs.getString("diagnosis")))
                .list();
    }

    /** Latest end first. */
    public List<ProfileRow> profiles(long memberId) {
        return jdbc.sql("""
                        select restrictions, max_load_kg, reason, starts_on, ends_on from medical.profile
                        where member_id = ? order by ends_on desc, id desc""")
                .param(memberId)
                .query((rs, i) -> new ProfileRow(new MedicalClassPolicy.Profile(restrictions(rs),
                        (Integer) rs.getObject("max_load_kg"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)), rs.getString("reason")))
                .list();
    }

    public long insertExam(long memberId, LocalDate examinedOn, ExamResult result, LocalDate unfitUntil,
                           String diagnosis, String examiner, String actor, Instant at) {
        return jdbc.sql("""
                        insert into medical.exam (member_id, examined_on, result, unfit_until, diagnosis, examiner,
                                                  recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, Date.valueOf(examinedOn), result.name(),
                        unfitUntil == null ? null : Date.valueOf(unfitUntil), diagnosis, examiner, actor, Timestamp.from(at))
                .query(Long.class).single();
    }

    public long insertProfile(long memberId, List<Restriction> restrictions, Integer maxLoadKg, String reason,
                              LocalDate startsOn, LocalDate endsOn, String actor, Instant at) {
        return jdbc.sql("""
                        insert into medical.profile (member_id, restrictions, max_load_kg, reason, starts_on, ends_on,
                                                     recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, restrictions.stream().map(Enum::name).toArray(String[]::new), maxLoadKg, reason,
                        Date.valueOf(startsOn), Date.valueOf(endsOn), actor, Timestamp.from(at))
                .query(Long.class).single();
    }

    private static List<Restriction> restrictions(ResultSet rs) throws SQLException {
        String[] names = (String[]) rs.getArray("restrictions").getArray();
        return Arrays.stream(names).map(Restriction::valueOf).toList();
    }
}
