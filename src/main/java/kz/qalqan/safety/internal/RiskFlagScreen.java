package kz.qalqan.safety.internal;

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
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RiskFlag f : found.flags()) {
            String words = words(f, event);
            (f.forbids() ? refusals : warnings).add(words);
        }
        return new Screening(refusals, warnings);
    }

    static String words(RiskFlag flag, TrainingEvent event) {
        return switch (flag.code()) {
            case MEDICAL_RESTRICTION -> flag.forbids()
                    ? "an active medical restriction rules out " + event.activityType()
                    : "an active medical restriction is relevant to " + event.activityType() + " (keep within its limit)";
            case ACWR_DANGER -> "acute:chronic workload ratio 1.5 or above (DANGER; a flag, not a diagnosis)";
            case RECENT_INJURY -> "injury in the last 12 months";
            case PREVIOUS_HEAT_OR_COLD_INJURY -> "previous heat or cold injury";
            case UNACCLIMATISED -> "not acclimatised to heat in the hot season";
        };
    }
}
