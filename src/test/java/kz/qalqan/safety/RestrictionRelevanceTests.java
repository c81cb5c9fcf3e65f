package kz.qalqan.safety;

import kz.qalqan.medical.Restriction;
import kz.qalqan.shared.ActivityType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static kz.qalqan.shared.ActivityType.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The restriction ↔ activity mapping cell by cell, and the hot-season and acclimatisation rule. */
class RestrictionRelevanceTests {

    /** The published mapping (RestrictionRelevance's javadoc and README), written out independently. */
    static final Map<Restriction, Set<ActivityType>> FORBIDS = new EnumMap<>(Map.of(
            Restriction.NO_RUNNING, EnumSet.of(PHYSICAL_TRAINING, ROAD_MARCH, URBAN_SEARCH_AND_RESCUE),
            Restriction.NO_NIGHT_DRIVING, EnumSet.of(NIGHT_DRIVING),
            Restriction.NO_WEAPONS, EnumSet.of(LIVE_FIRE, DEMOLITION),
            Restriction.NO_HEIGHTS, EnumSet.of(MOUNTAIN_MOVEMENT, URBAN_SEARCH_AND_RESCUE),
            Restriction.NO_LOAD_OVER_KG, EnumSet.noneOf(ActivityType.class),
            Restriction.NO_HEAT_EXPOSURE, EnumSet.noneOf(ActivityType.class)));
    static final Set<ActivityType> LOAD_WARNS = EnumSet.of(ROAD_MARCH, FLOOD_OPERATIONS, MOUNTAIN_MOVEMENT,
            URBAN_SEARCH_AND_RESCUE, WATER_CROSSING);

    @Test
    void everyRestrictionAndActivityOutsideTheHotSeason() {
        int cells = 0;
        for (Restriction r : Restriction.values()) {
            for (ActivityType a : ActivityType.values()) {
                Optional<FlagEffect> expected = FORBIDS.get(r).contains(a) ? Optional.of(FlagEffect.FORBIDS)
                        : r == Restriction.NO_LOAD_OVER_KG && LOAD_WARNS.contains(a) ? Optional.of(FlagEffect.WARNS)
                        : Optional.empty();
                assertThat(RestrictionRelevance.effect(r, a, false)).as(r + " x " + a).isEqualTo(expected);
                cells++;
            }
        }
        assertThat(cells).isEqualTo(6 * 12);
    }

    @Test
    void noHeatExposureForbidsEveryOutdoorActivityInTheHotSeasonOnly() {
        for (ActivityType a : ActivityType.values()) {
            assertThat(RestrictionRelevance.effect(Restriction.NO_HEAT_EXPOSURE, a, true)).as(a.name())
                    .isEqualTo(a == CLASSROOM ? Optional.empty() : Optional.of(FlagEffect.FORBIDS));
            assertThat(RestrictionRelevance.effect(Restriction.NO_HEAT_EXPOSURE, a, false)).as(a.name()).isEmpty();
        }
        // the hot season changes nothing for the other restrictions
        for (Restriction r : Restriction.values()) {
            if (r != Restriction.NO_HEAT_EXPOSURE) {
                for (ActivityType a : ActivityType.values()) {
                    assertThat(RestrictionRelevance.effect(r, a, true)).isEqualTo(RestrictionRelevance.effect(r, a, false));
                }
            }
        }
    }

    @Test
    void withoutAnActivityEveryRestrictionOnlyWarns() {
        for (Restriction r : Restriction.values()) {
            assertThat(RestrictionRelevance.effect(r, null, true)).contains(FlagEffect.WARNS);
            assertThat(RestrictionRelevance.effect(r, null, false)).contains(FlagEffect.WARNS);
        }
    }

    @Test
    void hotSeasonIsJuneToAugust() {
        assertThat(HotSeason.isHot(LocalDate.of(2026, 5, 31))).isFalse();
        assertThat(HotSeason.isHot(LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(HotSeason.isHot(LocalDate.of(2026, 7, 15))).isTrue();
        assertThat(HotSeason.isHot(LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(HotSeason.isHot(LocalDate.of(2026, 9, 1))).isFalse();
        assertThat(HotSeason.isHot(LocalDate.of(2026, 1, 15))).isFalse();
    }

    @Test
    void unacclimatisedBelowTenOutdoorDaysOfTheFourteenBeforeInTheHotSeason() {
        LocalDate july = LocalDate.of(2026, 7, 20);
        assertThat(HotSeason.windowStart(july)).isEqualTo(LocalDate.of(2026, 7, 6));
        assertThat(HotSeason.unacclimatised(july, ROAD_MARCH, 0)).isTrue();
        assertThat(HotSeason.unacclimatised(july, ROAD_MARCH, 9)).isTrue();
        assertThat(HotSeason.unacclimatised(july, ROAD_MARCH, 10)).isFalse();
        assertThat(HotSeason.unacclimatised(july, ROAD_MARCH, 14)).isFalse();
        assertThat(HotSeason.unacclimatised(july, null, 3)).isTrue();
        assertThat(HotSeason.unacclimatised(july, CLASSROOM, 0)).isFalse();
        assertThat(HotSeason.unacclimatised(LocalDate.of(2026, 9, 1), ROAD_MARCH, 0)).isFalse();
        assertThat(HotSeason.unacclimatised(LocalDate.of(2026, 6, 1), PHYSICAL_TRAINING, 0)).isTrue();
    }
}
