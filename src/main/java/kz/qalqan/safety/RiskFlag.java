package kz.qalqan.safety;

import kz.qalqan.medical.Restriction;
import kz.qalqan.platform.security.Sensitive;

/**
 * One risk flag of a member for an activity.
 *
 * @param label       the flag in the caller's language
 * @param caveat      how to read the flag (the ACWR's "a weak predictor, not a diagnosis"), or null
 * @param restriction for {@link RiskFlagCode#MEDICAL_RESTRICTION}: which restriction — only medical roles in scope
 *                    (and the member) see it; everyone else sees "medical restriction relevant to this activity"
 */
public record RiskFlag(RiskFlagCode code, FlagEffect effect, String label, String caveat,
                       @Sensitive Restriction restriction) {

    public boolean forbids() {
        return effect == FlagEffect.FORBIDS;
    }
}
