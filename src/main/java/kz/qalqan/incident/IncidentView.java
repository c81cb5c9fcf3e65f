package kz.qalqan.incident;

import kz.qalqan.platform.security.Sensitive;
import kz.qalqan.shared.ActivityType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An incident as the caller may see it: diagnosis, body region and outcome narrative only for medical officers in
 * scope and the injured member; {@code reportedBy} is null for anonymous reports.
 */
public record IncidentView(long id, IncidentKind kind, IncidentStatus status, Instant occurredAt, LocalDate occurredOn,
                           Long unitId, String unitCode, String unitName, String regionCode, String place, Double lat,
                           Double lon, String description, List<Long> personIds, Mechanism mechanism,
                           @Sensitive BodyRegion bodyRegion, Cause cause, ActivityType activityType, Outcome outcome,
                           Integer restrictedDays, Integer lostDays, @Sensitive String diagnosis,
                           @Sensitive String outcomeNarrative, boolean serious, boolean anonymous, String reportedBy,
                           Instant reportedAt, String investigator, String review, String closedBy, Instant closedAt,
                           List<CorrectiveAction> actions, List<SafetyChainNotice> notices, int version) {
}
