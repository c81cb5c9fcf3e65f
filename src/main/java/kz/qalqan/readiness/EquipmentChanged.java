package kz.qalqan.readiness;

/** A unit's equipment lines were replaced. */
public record EquipmentChanged(long unitId) {
}
