package kz.qalqan.incident;

import java.time.LocalDate;

/** A line of the incident list: what anyone allowed to see the incident may see. */
public record IncidentSummary(long id, IncidentKind kind, IncidentStatus status, LocalDate occurredOn, Long unitId,
                              String unitCode, String regionCode, String place, Outcome outcome, boolean serious) {
}
