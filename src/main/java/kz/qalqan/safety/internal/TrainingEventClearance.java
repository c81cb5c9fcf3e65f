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
        String authority = clearance.requiredAuthority() == null ? "" : clearance.requiredAuthority().name();
        if (clearance.status() == null) {
            return Optional.of(FieldProblem.of("status", "safety.clearance.none"));
        }
        return Optional.of(switch (clearance.status()) {
            case DRAFT -> FieldProblem.of("status", "safety.clearance.draft", authority);
            case SUBMITTED -> FieldProblem.of("status", "safety.clearance.submitted", authority);
            case DISAPPROVED -> FieldProblem.of("status", "safety.clearance.disapproved");
            case APPROVED -> FieldProblem.of("status", "safety.clearance.aboveApproved", authority);
        });
    }
}
