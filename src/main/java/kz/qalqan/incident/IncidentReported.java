package kz.qalqan.incident;

import java.time.LocalDate;

/**
 * An incident was reported. {@code serious} is true for hospitalisation or worse, and the safety chain is then
 * notified at once; {@code unitId} is null when the report names only a region or place.
 */
public record IncidentReported(long incidentId, IncidentKind kind, Outcome outcome, boolean serious, Long unitId,
                               String orgPath, LocalDate occurredOn) {
}
