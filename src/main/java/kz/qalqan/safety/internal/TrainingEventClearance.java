package kz.qalqan.safety.internal;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.Clearance;
import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.training.ActivityClearance;
import kz.qalqan.training.TrainingEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A training event starts, and takes attendance, only with its risk assessment approved at the right level. */
@Component
class TrainingEventClearance implements ActivityClearance {

    private final RiskAssessments assessments;

    TrainingEventClearance(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public Optional<Coded> refusal(TrainingEvent event) {
        Clearance clearance = assessments.clearance(ActivityKind.TRAINING_EVENT, event.id());
        return clearance.cleared() ? Optional.empty() : Optional.of(FieldProblem.of("status", "safety.detail.notCleared"));
    }
}
