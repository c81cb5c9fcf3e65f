package kz.qalqan.readiness;

/** Kinds of equipment counted for the S and R levels. */
public enum ItemType {
    HELMET, BODY_ARMOUR, RADIO, VEHICLE, MEDICAL_KIT, RESCUE_KIT
}
