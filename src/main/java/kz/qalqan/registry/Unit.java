package kz.qalqan.registry;

/** A territorial-defense unit placed in the tree under a region, a district or a parent unit. */
public record Unit(long id, String code, String name, UnitType type, String regionCode, Integer districtId,
                   Long parentId, String orgPath, Double lat, Double lon, int memberCount) {
}
