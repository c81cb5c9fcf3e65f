package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;

import java.time.LocalDate;
import java.time.Month;

/**
 * The hot season and heat acclimatisation, our defaults for DOMAIN.md §4 ("unacclimatised: the first 14 days
 * of hot-season training"). The hot season is June, July and August (Kazakhstan days). A member counts as
 * acclimatised when they were present at outdoor training (any activity type but CLASSROOM) on at least
 * {@value #ACCLIMATISED_DAYS} distinct days of the {@value #WINDOW_DAYS} days before the activity's day
 * (TB MED 507 acclimatises over about two weeks of daily heat exposure; 10 of 14 allows rest days). Outside
 * the hot season, and for classroom activities, nobody is flagged.
 */
public final class HotSeason {

    public static final int WINDOW_DAYS = 14;
    public static final int ACCLIMATISED_DAYS = 10;

    private HotSeason() {
    }

    public static boolean isHot(LocalDate day) {
        Month m = day.getMonth();
        return m == Month.JUNE || m == Month.JULY || m == Month.AUGUST;
    }

    /** Outdoor activities are every type but CLASSROOM; no activity given (null) counts as outdoor. */
    public static boolean outdoor(ActivityType activity) {
        return activity != ActivityType.CLASSROOM;
    }

    /** The first day of the window whose training days count for an activity on {@code day}; it ends the day before. */
    public static LocalDate windowStart(LocalDate day) {
        return day.minusDays(WINDOW_DAYS);
    }

    public static boolean unacclimatised(LocalDate day, ActivityType activity, int outdoorDaysInWindow) {
        return isHot(day) && outdoor(activity) && outdoorDaysInWindow < ACCLIMATISED_DAYS;
    }
}
