package kz.qalqan.safety.internal;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.safety.MemberRiskFlags;
import kz.qalqan.safety.RiskFlag;
import kz.qalqan.safety.RiskFlags;
import kz.qalqan.training.EnrolmentScreen;
import kz.qalqan.training.TrainingEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Enrolment goes through the member's risk flags: a FORBIDS flag refuses it, WARNS flags need the trainer's
 * confirmation. The words name no medical detail (training's messages reach non-medical roles and the audit).
 */
@Component
class RiskFlagScreen implements EnrolmentScreen {

    private final RiskFlags flags;

    RiskFlagScreen(RiskFlags flags) {
        this.flags = flags;
    }

    @Override
    public Screening screen(TrainingEvent event, long memberId) {
        MemberRiskFlags found = flags.forEnrolment(event, memberId);
        List<Coded> refusals = new ArrayList<>();
        List<Coded> warnings = new ArrayList<>();
        for (RiskFlag f : found.flags()) {
            (f.forbids() ? refusals : warnings).add(FieldProblem.of("memberId", "safety.flag." + f.code().name()));
        }
        return new Screening(refusals, warnings);
    }
}
