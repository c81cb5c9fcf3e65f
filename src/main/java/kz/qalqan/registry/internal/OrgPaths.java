package kz.qalqan.registry.internal;

/**
 * Builds the org paths that place units and members in the hierarchy: {@code KZ-75/} for a region,
 * {@code KZ-75/d12/} for a district, then {@code u34/} per unit. A scope is a path prefix.
 */
public final class OrgPaths {

    private OrgPaths() {
    }

    public static String area(String regionCode, Integer districtId) {
        return regionCode + "/" + (districtId == null ? "" : "d" + districtId + "/");
    }

    public static String unit(String parentPath, long unitId) {
        return parentPath + "u" + unitId + "/";
    }
}
