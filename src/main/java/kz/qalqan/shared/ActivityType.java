package kz.qalqan.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * What a training event or other activity is, in the words of the hazard library: training plans it,
 * safety assesses its hazards and incident rates are broken down by it.
 */
public enum ActivityType {
    LIVE_FIRE, ROAD_MARCH, VEHICLE_CONVOY, WATER_CROSSING, MOUNTAIN_MOVEMENT, URBAN_SEARCH_AND_RESCUE,
    FLOOD_OPERATIONS, DEMOLITION, NIGHT_DRIVING, PHYSICAL_TRAINING, CLASSROOM, OTHER;

    public static Optional<ActivityType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
