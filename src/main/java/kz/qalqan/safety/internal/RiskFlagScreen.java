package kz.qalqan.safety.internal;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.NamedValue;
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
 * confirmation. The codes' texts name no medical detail (training's messages reach
 * non-medical roles and the audit).
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
        NamedValue activity = new NamedValue("safety.activityType." + event.activityType().name(),
                event.activityType().name());
        for (RiskFlag f : found.flags()) {
            (f.forbids() ? refusals : warnings).add(FieldProblem.of("memberId", code(f), activity));
        }
        return new Screening(refusals, warnings);
    }

    /** The message key of the flag's words (argument {0}: the activity type, said by name). */
    static String code(RiskFlag flag) {
        return switch (flag.code()) {
            case MEDICAL_RESTRICTION -> flag.forbids() ? "safety.screen.restrictionForbids" : "safety.screen.restrictionWarns";
            case ACWR_DANGER -> "safety.screen.acwrDanger";
            case RECENT_INJURY -> "safety.screen.recentInjury";
            case PREVIOUS_HEAT_OR_COLD_INJURY -> "safety.screen.previousHeatOrColdInjury";
            case UNACCLIMATISED -> "safety.screen.unacclimatised";
        };
    }
}
