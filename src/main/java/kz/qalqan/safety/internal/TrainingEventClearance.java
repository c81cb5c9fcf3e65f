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
        if (clearance.cleared()) {
            return Optional.empty();
        }
        // the clearance says why in its own code (which authority must approve, what is missing)
        return Optional.of(FieldProblem.of("status", clearance.code(), clearance.argsArray()));
    }
}
