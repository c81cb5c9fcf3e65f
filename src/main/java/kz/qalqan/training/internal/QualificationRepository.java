package kz.qalqan.training.internal;

import kz.qalqan.training.MemberQualification;
import kz.qalqan.training.Qualification;
import kz.qalqan.training.QualificationStatus;
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
import java.util.Optional;

/** The qualification catalogue and the awards to members. */
@Repository
public class QualificationRepository {

    private static final String CATALOGUE = """
            select code, name_kk, name_ru, name_en, category, validity_months, prerequisites
            from training.qualification""";

    private static final String AWARDS = """
            select id, member_id, qualification_code, awarded_on, expires_on, evidence, awarding_event,
                   recorded_by, recorded_at
            from training.member_qualification""";

    private final JdbcClient jdbc;

    public QualificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Qualification> catalogue() {
        return jdbc.sql(CATALOGUE + " order by category, code").query((rs, i) -> qualification(rs)).list();
    }

    public Optional<Qualification> qualification(String code) {
        return jdbc.sql(CATALOGUE + " where code = ?").param(code).query((rs, i) -> qualification(rs)).optional();
    }

    /** The member's awards that were not revoked, newest first, with their status on {@code today}. */
    public List<MemberQualification> held(long memberId, LocalDate today) {
        return jdbc.sql(AWARDS + " where member_id = ? and revoked_at is null order by awarded_on desc, id desc")
                .param(memberId)
                .query((rs, i) -> award(rs, today))
                .list();
    }

    /** One award of the member, revoked or not. */
    public Optional<MemberQualification> award(long memberId, long id, LocalDate today) {
        return jdbc.sql(AWARDS + " where member_id = ? and id = ?").params(memberId, id)
                .query((rs, i) -> award(rs, today)).optional();
    }

    /** Awards of these members (not revoked) expiring on {@code today} .. {@code until} inclusive, soonest first. */
    public List<MemberQualification> expiring(java.util.Collection<Long> memberIds, LocalDate today, LocalDate until) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        // an award already renewed (the same code held with a later or no expiry) is not expiring
        return jdbc.sql("""
                        select q.id, q.member_id, q.qualification_code, q.awarded_on, q.expires_on, q.evidence,
                               q.awarding_event, q.recorded_by, q.recorded_at
                        from training.member_qualification q
                        where q.member_id = any(?) and q.revoked_at is null and q.expires_on > ? and q.expires_on <= ?
                          and not exists (select 1 from training.member_qualification r
                                          where r.member_id = q.member_id and r.qualification_code = q.qualification_code
                                            and r.revoked_at is null and (r.expires_on is null or r.expires_on > q.expires_on))
                        order by q.expires_on, q.member_id, q.qualification_code""")
                .params(memberIds.toArray(Long[]::new), Date.valueOf(today), Date.valueOf(until.plusDays(1)))
                .query((rs, i) -> award(rs, today))
                .list();
    }

    public long insert(long memberId, String code, LocalDate awardedOn, LocalDate expiresOn, String evidence,
                       String awardingEvent, String actor, Instant at) {
        return jdbc.sql("""
                        insert into training.member_qualification
                            (member_id, qualification_code, awarded_on, expires_on, evidence, awarding_event, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(memberId, code, Date.valueOf(awardedOn), expiresOn == null ? null : Date.valueOf(expiresOn),
                        evidence, awardingEvent, actor, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Marks the award revoked; false when it already was. */
    public boolean revoke(long id, String actor, Instant at) {
        return jdbc.sql("""
                        update training.member_qualification set revoked_at = ?, revoked_by = ?
                        where id = ? and revoked_at is null""")
                .params(Timestamp.from(at), actor, id)
                .update() == 1;
    }

    private static Qualification qualification(ResultSet rs) throws SQLException {
        java.sql.Array prerequisites = rs.getArray("prerequisites");
        return new Qualification(rs.getString("code"), rs.getString("name_kk"), rs.getString("name_ru"),
                rs.getString("name_en"), rs.getString("category"), rs.getObject("validity_months", Integer.class),
                prerequisites == null ? List.of() : Arrays.asList((String[]) prerequisites.getArray()));
    }

    private static MemberQualification award(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
        return new MemberQualification(rs.getLong("id"), rs.getLong("member_id"), rs.getString("qualification_code"),
                rs.getObject("awarded_on", LocalDate.class), expiresOn, rs.getString("evidence"),
                rs.getString("awarding_event"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), QualificationStatus.on(today, expiresOn));
    }
}
