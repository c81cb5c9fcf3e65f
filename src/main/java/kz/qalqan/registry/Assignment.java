package kz.qalqan.registry;

import java.time.Instant;

/** A period during which a member held a unit (and possibly a position); {@code to} is null while current. */
public record Assignment(Long unitId, String unitCode, String unitName, Long positionId, String positionTitle,
                         Instant from, Instant to, String recordedBy) {
}
