package kz.qalqan.training;

import kz.qalqan.shared.ActivityType;

import java.time.YearMonth;

/**
 * Person-days of training (one per present member per Kazakhstan day an event touches) of one unit, one
 * activity type and one month: the denominator of injury rates. {@code people} counts distinct members.
 */
public record Exposure(long unitId, String unitCode, ActivityType activityType, YearMonth month, long personDays,
                       long people) {
}
