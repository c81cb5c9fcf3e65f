package kz.qalqan.safety.internal;

import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.AssessmentStatus;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskAssessmentSummary;
import kz.qalqan.safety.RiskAssessmentView;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.Severity;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Scope;
import kz.qalqan.shared.WorkIntensity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Risk assessments with their hazards, controls and decision history; every read is filtered by a scope. */
@Repository
public class RiskAssessmentRepository {

    /** List filters; nulls are "any". {@code orgPrefix} limits to a unit's subtree. */
    public record Filter(AssessmentStatus status, ActivityType activityType, String orgPrefix, String text, int limit) {
    }

    private final JdbcClient jdbc;

    public RiskAssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RiskAssessment> find(long id, Scope scope) {
        return jdbc.sql("select * from safety.risk_assessment a where a.id = ? and a.org_path like any(?)")
                .params(id, scope.likePatterns())
                .query((rs, i) -> row(rs)).optional()
                .map(this::withHazards);
    }

    /** For update: locks the row so that two approvals of one assessment run one after the other. */
    public Optional<RiskAssessment> lock(long id, Scope scope) {
        return jdbc.sql("select * from safety.risk_assessment a where a.id = ? and a.org_path like any(?) for update")
                .params(id, scope.likePatterns())
                .query((rs, i) -> row(rs)).optional()
                .map(this::withHazards);
    }

    public Optional<RiskAssessment> findByActivity(ActivityKind kind, long activityId) {
        return jdbc.sql("select * from safety.risk_assessment a where a.activity_kind = ? and a.activity_id = ?")
                .params(kind.name(), activityId)
                .query((rs, i) -> row(rs)).optional()
                .map(this::withHazards);
    }

    public boolean activityTaken(ActivityKind kind, long activityId) {
        return jdbc.sql("select exists (select 1 from safety.risk_assessment where activity_kind = ? and activity_id = ?)")
                .params(kind.name(), activityId).query(Boolean.class).single();
    }

    public List<RiskAssessmentSummary> list(Filter f, Scope scope) {
        StringBuilder sql = new StringBuilder("""
                select id, activity_kind, activity_id, title, unit_id, activity_type, begins_on, ends_on, preparer_name,
                       overall_level, status, approved_level
                from safety.risk_assessment a where a.org_path like any(?)""");
        List<Object> params = new ArrayList<>();
        params.add(scope.likePatterns());
        if (f.status() != null) {
            sql.append(" and a.status = ?");
            params.add(f.status().name());
        }
        if (f.activityType() != null) {
            sql.append(" and a.activity_type = ?");
            params.add(f.activityType().name());
        }
        if (f.orgPrefix() != null) {
            sql.append(" and a.org_path like ?");
            params.add(Scope.of(List.of(f.orgPrefix())).likePatterns()[0]);
        }
        if (f.text() != null) {
            sql.append(" and a.title ilike ?");
            params.add("%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by a.begins_on desc, a.id desc limit ?");
        params.add(f.limit());
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            RiskLevel overall = level(rs, "overall_level");
            return new RiskAssessmentSummary(rs.getLong("id"), ActivityKind.valueOf(rs.getString("activity_kind")),
                    rs.getLong("activity_id"), rs.getString("title"), rs.getLong("unit_id"),
                    ActivityType.valueOf(rs.getString("activity_type")), rs.getObject("begins_on", LocalDate.class),
                    rs.getObject("ends_on", LocalDate.class), rs.getString("preparer_name"), overall,
                    overall == null ? null : ApprovalAuthority.forLevel(overall),
                    AssessmentStatus.valueOf(rs.getString("status")), level(rs, "approved_level"));
        }).list();
    }

    /** SUBMITTED assessments under any of the prefixes, not prepared by {@code username}: candidates for a queue. */
    public List<RiskAssessment> submittedFor(Scope commanderScope, String username) {
        if (commanderScope.isNothing()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from safety.risk_assessment a
                        where a.status = 'SUBMITTED' and a.org_path like any(?) and a.prepared_by <> ?
                        order by a.begins_on, a.id limit 500""")
                .params(commanderScope.likePatterns(), username)
                .query((rs, i) -> row(rs)).list()
                .stream().map(this::withHazards).toList();
    }

    public long insert(RiskAssessment a, Instant now) {
        Worksheet w = a.worksheet();
        // the id first, so that an OTHER activity without an id of its own is the assessment's id in one insert
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('safety.risk_assessment', 'id'))").query(Long.class).single();
        long activityId = a.activityId() != null ? a.activityId() : id;
        jdbc.sql("""
                        insert into safety.risk_assessment (id, activity_kind, activity_id, title, unit_id, org_path, activity_type,
                            work_intensity, begins_on, ends_on, prepared_on, prepared_by, preparer_name, preparer_duty_title,
                            supervision_plan, declared_level, overall_level, status, created_at, updated_at)
                        overriding system value
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, a.activityKind().name(), activityId, w.title(), a.unitId(), a.orgPath(), w.activityType().name(),
                        w.workIntensity().name(), Date.valueOf(w.beginsOn()), Date.valueOf(w.endsOn()),
                        Date.valueOf(a.preparedOn()), a.preparedBy(), a.preparerName(), w.preparerDutyTitle(),
                        w.supervisionPlan(), name(w.declaredLevel()), name(a.overallResidualRisk()), a.status().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        a.assigned(id, activityId);
        writeHazards(a);
        appendDecisions(a);
        return id;
    }

    /** Writes the changed aggregate; false when someone else changed it since it was read. */
    public boolean update(RiskAssessment a, Instant now) {
        Worksheet w = a.worksheet();
        int rows = jdbc.sql("""
                        update safety.risk_assessment set title = ?, activity_type = ?, work_intensity = ?, begins_on = ?,
                            ends_on = ?, preparer_duty_title = ?, supervision_plan = ?, lessons_learned = ?, declared_level = ?,
                            overall_level = ?, status = ?, approved_level = ?, approved_by = ?, approved_by_name = ?,
                            approved_authority = ?, approved_at = ?, version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .params(w.title(), w.activityType().name(), w.workIntensity().name(), Date.valueOf(w.beginsOn()),
                        Date.valueOf(w.endsOn()), w.preparerDutyTitle(), w.supervisionPlan(), a.lessonsLearned(),
                        name(w.declaredLevel()), name(a.overallResidualRisk()), a.status().name(), name(a.approvedLevel()),
                        a.approvedBy(), a.approvedByName(), name(a.approvedAuthority()),
                        a.approvedAt() == null ? null : Timestamp.from(a.approvedAt()), Timestamp.from(now), a.id(), a.version())
                .update();
        if (rows == 0) {
            return false;
        }
        if (a.hazardsChanged()) {
            jdbc.sql("delete from safety.assessed_hazard where assessment_id = ?").param(a.id()).update();
            writeHazards(a);
        }
        appendDecisions(a);
        return true;
    }

    private void writeHazards(RiskAssessment a) {
        List<AssessedHazard> hazards = a.worksheet().hazards();
        for (int i = 0; i < hazards.size(); i++) {
            AssessedHazard h = hazards.get(i);
            jdbc.sql("""
                            insert into safety.assessed_hazard (assessment_id, position, sub_task, hazard_code, hazard, probability,
                                severity, initial_level, residual_probability, residual_severity, residual_level)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), i, h.subTask(), h.hazardCode(), h.hazard(), h.probability().name(), h.severity().name(),
                            h.initialRisk().name(), h.residualProbability().name(), h.residualSeverity().name(),
                            h.residualRisk().name())
                    .update();
            for (int j = 0; j < h.controls().size(); j++) {
                AssessedHazard.Control c = h.controls().get(j);
                jdbc.sql("""
                                insert into safety.hazard_control (assessment_id, hazard_position, position, control, how, who)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(a.id(), i, j, c.control(), c.how(), c.who()).update();
            }
        }
    }

    private void appendDecisions(RiskAssessment a) {
        for (RiskAssessment.Decision d : a.newDecisions()) {
            jdbc.sql("""
                            insert into safety.risk_decision (assessment_id, action, level, authority, actor, actor_name, reason, at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), d.action(), name(d.level()), name(d.authority()), d.actor(), d.actorName(), d.reason(),
                            Timestamp.from(d.at()))
                    .update();
        }
    }

    public List<RiskAssessmentView.DecisionView> decisions(long assessmentId) {
        return jdbc.sql("select * from safety.risk_decision where assessment_id = ? order by id")
                .param(assessmentId)
                .query((rs, i) -> new RiskAssessmentView.DecisionView(rs.getString("action"), level(rs, "level"),
                        rs.getString("authority") == null ? null : ApprovalAuthority.valueOf(rs.getString("authority")),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private RiskAssessment withHazards(Loaded loaded) {
        Map<Integer, List<AssessedHazard.Control>> controls = new LinkedHashMap<>();
        jdbc.sql("select * from safety.hazard_control where assessment_id = ? order by hazard_position, position")
                .param(loaded.id)
                .query(rs -> {
                    controls.computeIfAbsent(rs.getInt("hazard_position"), k -> new ArrayList<>())
                            .add(new AssessedHazard.Control(rs.getString("control"), rs.getString("how"), rs.getString("who")));
                });
        List<AssessedHazard> hazards = jdbc.sql("select * from safety.assessed_hazard where assessment_id = ? order by position")
                .param(loaded.id)
                .query((rs, i) -> new AssessedHazard(rs.getString("sub_task"), rs.getString("hazard_code"), rs.getString("hazard"),
                        Probability.valueOf(rs.getString("probability")), Severity.valueOf(rs.getString("severity")),
                        controls.getOrDefault(rs.getInt("position"), List.of()),
                        Probability.valueOf(rs.getString("residual_probability")),
                        Severity.valueOf(rs.getString("residual_severity"))))
                .list();
        Worksheet w = new Worksheet(loaded.title, loaded.activityType, loaded.workIntensity, loaded.beginsOn, loaded.endsOn,
                loaded.dutyTitle, loaded.supervisionPlan, loaded.declaredLevel, hazards);
        return new RiskAssessment(loaded.id, loaded.kind, loaded.activityId, loaded.unitId, loaded.orgPath, loaded.preparedOn,
                loaded.preparedBy, loaded.preparerName, w, loaded.lessons, loaded.status, loaded.approvedLevel,
                loaded.approvedBy, loaded.approvedByName, loaded.approvedAuthority, loaded.approvedAt, loaded.version);
    }

    private record Loaded(long id, ActivityKind kind, long activityId, String title, long unitId, String orgPath,
                          ActivityType activityType, WorkIntensity workIntensity, LocalDate beginsOn, LocalDate endsOn,
                          LocalDate preparedOn, String preparedBy, String preparerName, String dutyTitle,
                          String supervisionPlan, String lessons, RiskLevel declaredLevel, AssessmentStatus status,
                          RiskLevel approvedLevel, String approvedBy, String approvedByName,
                          ApprovalAuthority approvedAuthority, Instant approvedAt, int version) {
    }

    private static Loaded row(ResultSet rs) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Loaded(rs.getLong("id"), ActivityKind.valueOf(rs.getString("activity_kind")), rs.getLong("activity_id"),
                rs.getString("title"), rs.getLong("unit_id"), rs.getString("org_path"),
                ActivityType.valueOf(rs.getString("activity_type")), WorkIntensity.valueOf(rs.getString("work_intensity")),
                rs.getObject("begins_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("prepared_on", LocalDate.class), rs.getString("prepared_by"), rs.getString("preparer_name"),
                rs.getString("preparer_duty_title"), rs.getString("supervision_plan"), rs.getString("lessons_learned"),
                level(rs, "declared_level"), AssessmentStatus.valueOf(rs.getString("status")), level(rs, "approved_level"),
                rs.getString("approved_by"), rs.getString("approved_by_name"),
                rs.getString("approved_authority") == null ? null : ApprovalAuthority.valueOf(rs.getString("approved_authority")),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getInt("version"));
    }

    private static RiskLevel level(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : RiskLevel.valueOf(v);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
