package kz.qalqan.emergency;

import java.time.Instant;

/**
 * A declared emergency. {@code orgPath} is the part of the tree that owns it (a region path when the area lies in
 * one region, {@code ""} for a national one): coordinators whose scope covers it manage it. {@code capSender} and
 * {@code capIdentifier} are set when it came from a CAP alert.
 */
public record Emergency(long id, String title, EmergencyType type, Severity severity, EmergencyStatus status,
                        boolean exercise, String description, EmergencyArea area, String orgPath, Instant declaredAt,
                        String declaredBy, Instant updatedAt, Instant closedAt, String statusReason, String capSender,
                        String capIdentifier) {
}
