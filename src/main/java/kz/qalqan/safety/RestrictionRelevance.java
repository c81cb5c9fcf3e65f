package kz.qalqan.safety;

import kz.qalqan.medical.Restriction;
import kz.qalqan.shared.ActivityType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which medical profile restrictions (DOMAIN.md §8) matter for which activity types, our mapping:
 * <ul>
 *   <li>NO_RUNNING — PHYSICAL_TRAINING, ROAD_MARCH, URBAN_SEARCH_AND_RESCUE: FORBIDS</li>
 *   <li>NO_LOAD_OVER_KG — ROAD_MARCH, FLOOD_OPERATIONS, MOUNTAIN_MOVEMENT, URBAN_SEARCH_AND_RESCUE, WATER_CROSSING:
 *       WARNS only, because an event does not record the load carried; the trainer confirms it stays within the limit</li>
 *   <li>NO_HEAT_EXPOSURE — every outdoor activity (all but CLASSROOM) in the hot season ({@link HotSeason}): FORBIDS</li>
 *   <li>NO_NIGHT_DRIVING — NIGHT_DRIVING: FORBIDS</li>
 *   <li>NO_WEAPONS — LIVE_FIRE, DEMOLITION: FORBIDS</li>
 *   <li>NO_HEIGHTS — MOUNTAIN_MOVEMENT, URBAN_SEARCH_AND_RESCUE: FORBIDS</li>
 * </ul>
 * Other pairs are not relevant (no flag). Without an activity type (the member page), every active restriction
 * WARNS, since nothing is ruled out yet.
 */
public final class RestrictionRelevance {

    private static final Map<Restriction, Set<ActivityType>> FORBIDDEN = Map.of(
            Restriction.NO_RUNNING, EnumSet.of(ActivityType.PHYSICAL_TRAINING, ActivityType.ROAD_MARCH,
                    ActivityType.URBAN_SEARCH_AND_RESCUE),
            Restriction.NO_NIGHT_DRIVING, EnumSet.of(ActivityType.NIGHT_DRIVING),
            Restriction.NO_WEAPONS, EnumSet.of(ActivityType.LIVE_FIRE, ActivityType.DEMOLITION),
            Restriction.NO_HEIGHTS, EnumSet.of(ActivityType.MOUNTAIN_MOVEMENT, ActivityType.URBAN_SEARCH_AND_RESCUE));

    private static final Set<ActivityType> LOAD_BEARING = EnumSet.of(ActivityType.ROAD_MARCH,
            ActivityType.FLOOD_OPERATIONS, ActivityType.MOUNTAIN_MOVEMENT, ActivityType.URBAN_SEARCH_AND_RESCUE,
            ActivityType.WATER_CROSSING);

    private RestrictionRelevance() {
    }

    /** The flag's effect when {@code restriction} is active for {@code activity} (null: no activity given). */
    public static Optional<FlagEffect> effect(Restriction restriction, ActivityType activity, boolean hotSeason) {
        if (activity == null) {
            return Optional.of(FlagEffect.WARNS);
        }
        return switch (restriction) {
            case NO_HEAT_EXPOSURE -> hotSeason && HotSeason.outdoor(activity) ? Optional.of(FlagEffect.FORBIDS) : Optional.empty();
            case NO_LOAD_OVER_KG -> LOAD_BEARING.contains(activity) ? Optional.of(FlagEffect.WARNS) : Optional.empty();
            default -> FORBIDDEN.get(restriction).contains(activity) ? Optional.of(FlagEffect.FORBIDS) : Optional.empty();
        };
    }
}
