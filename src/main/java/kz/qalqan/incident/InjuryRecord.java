package kz.qalqan.incident;

import java.time.LocalDate;

/**
 * One injury of a member, for individual risk flags: no medical details, only what a flag needs.
 */
public record InjuryRecord(long incidentId, IncidentKind kind, LocalDate occurredOn, Outcome outcome) {
}
