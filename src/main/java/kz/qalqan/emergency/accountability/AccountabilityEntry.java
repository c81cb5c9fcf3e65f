package kz.qalqan.emergency.accountability;

import java.time.Instant;

/**
 * A member's current status in an emergency: who set it and whether on their behalf. {@code inArea} is false for
 * members staff added from elsewhere and for members a revision moved out of the area. {@code caseId} is the open
 * assistance case, if any; {@code incidentLink} suggests reporting an injury through the incident module.
 */
public record AccountabilityEntry(long emergencyId, long memberId, String orgPath, AccountabilityStatus status,
                                  Instant statusAt, String reportedBy, boolean onBehalf, String note, boolean inArea,
                                  Long caseId, String incidentLink) {
}
