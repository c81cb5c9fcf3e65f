package kz.qalqan.readiness;

import java.time.Instant;
import java.util.List;

/** A unit's equipment lines, one per item type recorded; {@code updatedAt} of the latest change, null if none. */
public record UnitEquipment(long unitId, List<EquipmentLine> lines, String updatedBy, Instant updatedAt) {
}
