package kz.qalqan.incident;

import java.time.Instant;
import java.util.List;

/**
 * A report as typed: {@code kind}, {@code occurredAt}, {@code description} and a place (a unit by id or code, a
 * region, a place name or coordinates) are required; the rest is optional. {@code anonymous} is only for near
 * misses, and then the reporter is not stored.
 */
public record ReportCommand(String kind, Instant occurredAt, Long unitId, String unitCode, String regionCode,
                            String place, Double lat, Double lon, String description, List<Long> personIds,
                            String mechanism, String bodyRegion, String cause, String activityType, String outcome,
                            Integer restrictedDays, Integer lostDays, String diagnosis, String outcomeNarrative,
                            Boolean anonymous) {
}
