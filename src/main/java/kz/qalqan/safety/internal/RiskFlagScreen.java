package kz.qalqan.safety.internal;

import kz.qalqan.safety.MemberRiskFlags;
import kz.qalqan.safety.RiskFlag;
import kz.qalqan.safety.RiskFlags;
import kz.qalqan.training.EnrolmentScreen;
import kz.qalqan.training.TrainingEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enrolment goes through the member's risk flags: a FORBIDS flag refuses it, WARNS flags need the trainer's
 * confirmation. The words, in the caller's language, name no medical detail (training's messages reach
 * non-medical roles and the audit).
 */
@Component
class RiskFlagScreen implements EnrolmentScreen {

    private final RiskFlags flags;
    private final MessageSource messages;

    RiskFlagScreen(RiskFlags flags, MessageSource messages) {
        this.flags = flags;
        this.messages = messages;
    }

    @Override
    public Screening screen(TrainingEvent event, long memberId) {
        MemberRiskFlags found = flags.forEnrolment(event, memberId);
        List<String> refusals = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (RiskFlag f : found.flags()) {
            String activity = messages.getMessage("safety.activityType." + event.activityType().name(), null, locale);
            String words = messages.getMessage(code(f), new Object[]{activity}, locale);
            (f.forbids() ? refusals : warnings).add(words);
        }
        return new Screening(refusals, warnings);
    }

    /** The message key of the flag's words (argument {0}: the activity type's name). */
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
