package kz.qalqan.readiness;

import java.time.LocalDate;

/**
 * One item type of a unit.
 *
 * @param serviceable       how many of those on hand are serviceable (at most {@code onHand})
 * @param nextInspectionDue the last day the current inspection covers; after it the line counts as not
 *                          serviceable for R until inspected again (null: never inspected)
 */
public record EquipmentLine(ItemType type, int authorised, int onHand, int serviceable, LocalDate nextInspectionDue) {
}
