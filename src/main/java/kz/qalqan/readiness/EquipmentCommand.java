package kz.qalqan.readiness;

import java.util.List;

/** Replaces a unit's equipment lines; an item type left out is removed. */
public record EquipmentCommand(List<EquipmentLine> lines) {
}
