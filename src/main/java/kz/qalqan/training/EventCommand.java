package kz.qalqan.training;

import java.time.Instant;
import java.util.List;

/**
 * What is needed to plan or change a training event; every field is checked by the event rules, which
 * name each field that is wrong. {@code activityType} and {@code intensity} are enum names as text so
 * that a wrong value is reported like any other field problem.
 */
public record EventCommand(Long unitId, String title, String activityType, String intensity, Instant startsAt,
                           Instant endsAt, String regionCode, Double lat, Double lon, String placeName,
                           Long instructorId, Integer capacity, List<String> awards) {

    /** The most qualification codes an event may award (the catalogue has 15). */
    public static final int MAX_AWARDS = 50;
}
