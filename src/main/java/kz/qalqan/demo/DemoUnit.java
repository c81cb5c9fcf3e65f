package kz.qalqan.demo;

import java.util.List;
import java.util.Objects;

/**
 * One unit of the demo force.
 *
 * @param code       unique unit code, e.g. {@code TO-75-1-2}
 * @param name       name in Kazakh
 * @param type       one of the registry's unit types ({@code BATTALION}, {@code COMPANY}, {@code PLATOON},
 *                   {@code RESCUE_TEAM}, {@code MEDICAL_TEAM}, {@code CIVIL_DEFENSE_TEAM},
 *                   {@code COMMUNICATIONS_TEAM}, {@code LOGISTICS_TEAM})
 * @param parentCode code of the parent unit, {@code null} for a region's battalion
 * @param regionCode region code as in {@code reference/kz-regions.csv}, e.g. {@code KZ-75}
 * @param districtId registry district id (1-based row of {@code reference/kz-districts.csv}), or {@code null}
 * @param lat        location, WGS 84 decimal degrees
 * @param lon        location, WGS 84 decimal degrees
 * @param positions  the unit's authorised positions
 */
public record DemoUnit(String code, String name, String type, String parentCode, String regionCode,
                       Integer districtId, double lat, double lon, List<DemoPosition> positions) {

    public DemoUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(regionCode, "regionCode");
        positions = List.copyOf(positions);
    }

    /** Platoons and teams: the units generated members are assigned to. */
    public boolean isLeaf() {
        return !DemoForce.BATTALION.equals(type) && !DemoForce.COMPANY.equals(type);
    }
}
