package kz.qalqan.safety.internal;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.ActivityRiskRaised;
import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.AssessmentStatus;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskAssessmentApproved;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.Severity;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskAssessmentTests {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 14);
    private static final Instant NOW = Instant.parse("2026-07-14T03:00:00Z");

    private static AssessedHazard hazard(Probability p, Severity s, Probability rp, Severity rs) {
        return new AssessedHazard("March", null, "Heat injury", p, s, List.of(new AssessedHazard.Control("Water", "hourly", "NCO")), rp, rs);
    }

    private static RiskAssessment draft(RiskLevel declared, AssessedHazard... hazards) {
        RiskAssessment a = RiskAssessment.prepare(ActivityKind.TRAINING_EVENT, 42L, 7, "KZ-79/u7/", DAY, "officer", "Officer",
                new Worksheet("Road march", ActivityType.ROAD_MARCH, WorkIntensity.HARD, DAY, DAY, null, "Checks at halts",
                        declared, List.of(hazards)));
        a.assigned(1, 42);
        return a;
    }

    private static RiskAssessment.Approver region() {
        return new RiskAssessment.Approver("region", "Region", ApprovalAuthority.REGION_TO_COMMANDER);
    }

    @Test
    void overallResidualRiskIsTheHighestResidualOrTheHigherDeclaredOne() {
        RiskAssessment a = draft(null, hazard(Probability.C, Severity.II, Probability.D, Severity.III),
                hazard(Probability.B, Severity.II, Probability.C, Severity.III));
        assertThat(a.overallResidualRisk()).isEqualTo(RiskLevel.M);
        assertThat(a.requiredAuthority()).isEqualTo(ApprovalAuthority.NEXT_HIGHER_ECHELON);
        assertThat(draft(RiskLevel.H, hazard(Probability.C, Severity.II, Probability.D, Severity.III)).overallResidualRisk())
                .isEqualTo(RiskLevel.H);
        assertThat(draft(null).overallResidualRisk()).isNull();
    }

    @Test
    void onlyASubmittedAssessmentIsDecidedAndOnlyOnce() {
        RiskAssessment a = draft(null, hazard(Probability.C, Severity.II, Probability.C, Severity.II));
        assertThatThrownBy(() -> a.approve(region(), NOW)).isInstanceOf(ConflictException.class);
        a.submit("officer", "Officer", NOW);
        assertThatThrownBy(() -> a.approve(new RiskAssessment.Approver("officer", "Officer", ApprovalAuthority.NATIONAL_COMMAND), NOW))
                .isInstanceOf(ForbiddenException.class).hasMessageStartingWith("safety.approval.ownAssessment");
        assertThatThrownBy(() -> a.approve(new RiskAssessment.Approver("bn", "Bn", ApprovalAuthority.NEXT_HIGHER_ECHELON), NOW))
                .isInstanceOf(ForbiddenException.class).hasMessageStartingWith("safety.approval.needs.H");
        a.approve(region(), NOW);
        assertThat(a.cleared()).isTrue();
        assertThat(a.events()).containsExactly(new RiskAssessmentApproved(1, ActivityKind.TRAINING_EVENT, 42, 7, RiskLevel.H,
                ApprovalAuthority.REGION_TO_COMMANDER));
        assertThatThrownBy(() -> a.approve(region(), NOW)).isInstanceOf(ConflictException.class).hasMessageStartingWith("safety.decision.alreadyApproved");
        assertThatThrownBy(() -> a.revise(a.worksheet())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReviewThatRaisesTheRiskAboveTheApprovalSendsItBack() {
        RiskAssessment a = draft(null, hazard(Probability.C, Severity.II, Probability.D, Severity.III));
        a.submit("officer", "Officer", NOW);
        a.approve(new RiskAssessment.Approver("cmd", "Cmd", ApprovalAuthority.UNIT_COMMANDER), NOW);
        a.review(List.of(hazard(Probability.C, Severity.II, Probability.E, Severity.IV)), null, "officer", "Officer", NOW);
        assertThat(a.status()).isEqualTo(AssessmentStatus.APPROVED);
        a.review(List.of(hazard(Probability.C, Severity.II, Probability.D, Severity.II)), null, "officer", "Officer", NOW);
        assertThat(a.status()).isEqualTo(AssessmentStatus.SUBMITTED);
        assertThat(a.cleared()).isFalse();
        assertThat(a.events()).contains(new ActivityRiskRaised(1, ActivityKind.TRAINING_EVENT, 42, 7, RiskLevel.L, RiskLevel.M,
                ApprovalAuthority.NEXT_HIGHER_ECHELON));
        assertThat(a.newDecisions()).extracting(RiskAssessment.Decision::action)
                .containsExactly("SUBMITTED", "APPROVED", "REVIEWED", "RISK_RAISED");
    }

    @Test
    void submittingNeedsHazardsAndASupervisionPlanAndDisapprovingAReason() {
        RiskAssessment empty = draft(null);
        assertThatThrownBy(() -> empty.submit("officer", "Officer", NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hazards").hasMessageContaining("safety.submit.hazardsRequired");
        RiskAssessment a = draft(null, hazard(Probability.D, Severity.III, Probability.D, Severity.III));
        a.submit("officer", "Officer", NOW);
        assertThatThrownBy(() -> a.disapprove(region(), " ", NOW)).isInstanceOf(InvalidInputException.class);
        a.disapprove(region(), "No road guards", NOW);
        assertThat(a.status()).isEqualTo(AssessmentStatus.DISAPPROVED);
        assertThat(a.cleared()).isFalse();
        assertThatThrownBy(() -> a.recordLessons("Too early", DAY.minusDays(1))).isInstanceOf(ConflictException.class);
        a.recordLessons("Water arrived late", DAY);
        assertThat(a.lessonsLearned()).isEqualTo("Water arrived late");
    }
}
