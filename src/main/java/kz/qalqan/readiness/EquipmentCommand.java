package kz.qalqan.readiness;

import java.util.List;

/** Replaces a unit's equipment lines; an item type left out is removed. */
public record EquipmentCommand(List<EquipmentLine> lines) {

    /** The most lines one request may carry (there are far fewer item types). */
    public static final int MAX_LINES = 200;
}
