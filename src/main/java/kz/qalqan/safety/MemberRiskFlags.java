package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;

import java.time.LocalDate;
import java.util.List;

/**
 * The risk flags of one member for an activity type on a day.
 *
 * @param activityType null: flags of the person alone (a medical restriction is then shown for any activity, as WARNS)
 */
public record MemberRiskFlags(long memberId, ActivityType activityType, LocalDate day, boolean hotSeason,
                              List<RiskFlag> flags) {

    public MemberRiskFlags {
        flags = List.copyOf(flags);
    }

    public boolean forbidden() {
        return flags.stream().anyMatch(RiskFlag::forbids);
    }
}
