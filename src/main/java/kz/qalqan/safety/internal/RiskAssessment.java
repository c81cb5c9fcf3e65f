package kz.qalqan.safety.internal;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.ActivityRiskRaised;
import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.AssessmentStatus;
import kz.qalqan.safety.RiskAssessmentApproved;
import kz.qalqan.safety.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A DD Form 2977 deliberate risk assessment: the aggregate that owns the approval rules. Every change of
 * state is a method here that checks its rule and records a decision and, where other modules care, an
 * event; the repository stores what changed.
 */
public final class RiskAssessment {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** Who decides, with the echelon {@link ApprovalPolicy} derived for them over this unit. */
    public record Approver(String username, String name, ApprovalAuthority echelon) {
    }

    /** A decision of this change, to be appended to the history. */
    public record Decision(String action, RiskLevel level, ApprovalAuthority authority, String actor, String actorName,
                           String reason, Instant at) {
    }

    private Long id;
    private final ActivityKind activityKind;
    private Long activityId;
    private final long unitId;
    private final String orgPath;
    private final LocalDate preparedOn;
    private final String preparedBy;
    private final String preparerName;
    private Worksheet worksheet;
    private String lessonsLearned;
    private AssessmentStatus status;
    private RiskLevel approvedLevel;
    private String approvedBy;
    private String approvedByName;
    private ApprovalAuthority approvedAuthority;
    private Instant approvedAt;
    private final int version;
    private boolean hazardsChanged;
    private final List<Decision> newDecisions = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    RiskAssessment(Long id, ActivityKind activityKind, Long activityId, long unitId, String orgPath, LocalDate preparedOn,
                   String preparedBy, String preparerName, Worksheet worksheet, String lessonsLearned,
                   AssessmentStatus status, RiskLevel approvedLevel, String approvedBy, String approvedByName,
                   ApprovalAuthority approvedAuthority, Instant approvedAt, int version) {
        this.id = id;
        this.activityKind = activityKind;
        this.activityId = activityId;
        this.unitId = unitId;
        this.orgPath = orgPath;
        this.preparedOn = preparedOn;
        this.preparedBy = preparedBy;
        this.preparerName = preparerName;
        this.worksheet = worksheet;
        this.lessonsLearned = lessonsLearned;
        this.status = status;
        this.approvedLevel = approvedLevel;
        this.approvedBy = approvedBy;
        this.approvedByName = approvedByName;
        this.approvedAuthority = approvedAuthority;
        this.approvedAt = approvedAt;
        this.version = version;
    }

    /** A new draft; {@code activityId} may be null for an OTHER activity (the assessment's id is used). */
    public static RiskAssessment prepare(ActivityKind kind, Long activityId, long unitId, String orgPath, LocalDate today,
                                         String preparedBy, String preparerName, Worksheet worksheet) {
        RiskAssessment a = new RiskAssessment(null, kind, activityId, unitId, orgPath, today, preparedBy, preparerName,
                worksheet, null, AssessmentStatus.DRAFT, null, null, null, null, null, 0);
        a.hazardsChanged = true;
        return a;
    }

    /** The overall residual risk: the highest residual risk, or the preparer's higher one; null without hazards. */
    public RiskLevel overallResidualRisk() {
        RiskLevel overall = worksheet.declaredLevel();
        for (AssessedHazard h : worksheet.hazards()) {
            overall = overall == null ? h.residualRisk() : RiskLevel.max(overall, h.residualRisk());
        }
        return overall;
    }

    public ApprovalAuthority requiredAuthority() {
        RiskLevel overall = overallResidualRisk();
        return overall == null ? null : ApprovalAuthority.forLevel(overall);
    }

    /** Whether the activity may start: approved at a level that covers today's overall risk. */
    public boolean cleared() {
        return status == AssessmentStatus.APPROVED && approvedLevel != null && overallResidualRisk() != null
                && !overallResidualRisk().isHigherThan(approvedLevel);
    }

    /** Replaces the worksheet of a DRAFT or DISAPPROVED assessment. */
    public void revise(Worksheet changed) {
        if (!status.editable()) {
            // its hazards still change through a review (PUT /api/risk-assessments/{id}/hazards)
            throw ConflictException.coded(null, "safety.assessment.notEditable");
        }
        this.worksheet = changed;
        this.hazardsChanged = true;
    }

    public void submit(String actor, String actorName, Instant now) {
        if (!status.editable()) {
            throw ConflictException.coded(null, "safety.assessment.notSubmittable");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (worksheet.hazards().isEmpty()) {
            problems.add(FieldProblem.of("hazards", "safety.submit.hazardsRequired"));
        }
        if (worksheet.supervisionPlan() == null) {
            problems.add(FieldProblem.of("supervisionPlan", "safety.submit.supervisionRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        status = AssessmentStatus.SUBMITTED;
        newDecisions.add(new Decision("SUBMITTED", overallResidualRisk(), requiredAuthority(), actor, actorName, null, now));
    }

    public void approve(Approver approver, Instant now) {
        decidable(approver);
        RiskLevel overall = overallResidualRisk();
        status = AssessmentStatus.APPROVED;
        approvedLevel = overall;
        approvedBy = approver.username();
        approvedByName = approver.name();
        approvedAuthority = approver.echelon();
        approvedAt = now;
        newDecisions.add(new Decision("APPROVED", overall, approver.echelon(), approver.username(), approver.name(), null, now));
        events.add(new RiskAssessmentApproved(id, activityKind, activityId, unitId, overall, approver.echelon()));
    }

    public void disapprove(Approver approver, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.coded("reason", "safety.disapprove.reasonRequired");
        }
        decidable(approver);
        status = AssessmentStatus.DISAPPROVED;
        newDecisions.add(new Decision("DISAPPROVED", overallResidualRisk(), approver.echelon(), approver.username(),
                approver.name(), reason.trim(), now));
    }

    private void decidable(Approver approver) {
        if (status != AssessmentStatus.SUBMITTED) {
            throw status == AssessmentStatus.APPROVED
                    ? ConflictException.coded(null, "safety.decision.alreadyApproved")
                    : ConflictException.coded(null, "safety.decision.notSubmitted");
        }
        // The policy has derived the echelon; the aggregate still refuses what the rule forbids.
        if (approver.username().equals(preparedBy)) {
            throw ForbiddenException.coded(ApprovalPolicy.OWN_ASSESSMENT);
        }
        RiskLevel overall = overallResidualRisk();
        if (approver.echelon() == null || !approver.echelon().mayApprove(overall)) {
            throw ForbiddenException.coded(ApprovalPolicy.echelonTooLow(overall));
        }
    }

    /**
     * ATP 5-19 step 5: the hazards change during preparation or execution. The overall risk is recomputed;
     * an approved assessment whose risk rises above the approved level goes back to SUBMITTED and the
     * activity loses its clearance until the right authority approves again.
     */
    public void review(List<AssessedHazard> hazards, RiskLevel declaredLevel, String actor, String actorName, Instant now) {
        // a submitted or approved worksheet is what an authority decides on: it must keep an overall risk
        if (hazards.isEmpty() && (status == AssessmentStatus.SUBMITTED || status == AssessmentStatus.APPROVED)) {
            throw InvalidInputException.coded("hazards", "safety.review.hazardsRequired");
        }
        RiskLevel before = overallResidualRisk();
        worksheet = new Worksheet(worksheet.title(), worksheet.activityType(), worksheet.workIntensity(),
                worksheet.beginsOn(), worksheet.endsOn(), worksheet.preparerDutyTitle(), worksheet.supervisionPlan(),
                declaredLevel, hazards);
        hazardsChanged = true;
        RiskLevel after = overallResidualRisk();
        if (status == AssessmentStatus.APPROVED) {
            if (after.isHigherThan(approvedLevel)) {
                RiskLevel was = approvedLevel;
                status = AssessmentStatus.SUBMITTED;
                approvedLevel = null;
                approvedBy = null;
                approvedByName = null;
                approvedAuthority = null;
                approvedAt = null;
                newDecisions.add(new Decision("RISK_RAISED", after, ApprovalAuthority.forLevel(after), actor, actorName,
                        change(was, after), now));
                events.add(new ActivityRiskRaised(id, activityKind, activityId, unitId, was, after, ApprovalAuthority.forLevel(after)));
                return;
            }
        }
        if (status != AssessmentStatus.DRAFT) {
            newDecisions.add(new Decision("REVIEWED", after, after == null ? null : ApprovalAuthority.forLevel(after), actor,
                    actorName, before == after ? null : change(before, after), now));
        }
    }

    /**
     * The note of a change of the overall residual risk in the decision history: the worksheet's level letters
     * ("M → H"), the same in every language; the page names the levels beside them.
     */
    static String change(RiskLevel before, RiskLevel after) {
        return (before == null ? "-" : before.name()) + " → " + (after == null ? "-" : after.name());
    }

    /** Lessons learned once the activity has begun. */
    public void recordLessons(String lessons, LocalDate today) {
        if (lessons == null || lessons.isBlank()) {
            throw InvalidInputException.coded("lessonsLearned", "safety.lessons.required");
        }
        if (today.isBefore(worksheet.beginsOn())) {
            throw ConflictException.coded("lessonsLearned", "safety.lessons.beforeBegin",
                    worksheet.beginsOn().format(DAY));
        }
        this.lessonsLearned = lessons.trim();
    }

    void assigned(long id, long activityId) {
        this.id = id;
        this.activityId = activityId;
    }

    public Long id() { return id; }
    public ActivityKind activityKind() { return activityKind; }
    public Long activityId() { return activityId; }
    public long unitId() { return unitId; }
    public String orgPath() { return orgPath; }
    public LocalDate preparedOn() { return preparedOn; }
    public String preparedBy() { return preparedBy; }
    public String preparerName() { return preparerName; }
    public Worksheet worksheet() { return worksheet; }
    public String lessonsLearned() { return lessonsLearned; }
    public AssessmentStatus status() { return status; }
    public RiskLevel approvedLevel() { return approvedLevel; }
    public String approvedBy() { return approvedBy; }
    public String approvedByName() { return approvedByName; }
    public ApprovalAuthority approvedAuthority() { return approvedAuthority; }
    public Instant approvedAt() { return approvedAt; }
    public int version() { return version; }
    boolean hazardsChanged() { return hazardsChanged; }
    public List<Decision> newDecisions() { return List.copyOf(newDecisions); }
    public List<Object> events() { return List.copyOf(events); }
}
