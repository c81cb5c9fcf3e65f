package kz.qalqan.registry;

/** A first-level division: one of 17 regions or 3 cities of republican significance. */
public record Region(String code, String nameKk, String nameRu, String nameEn, String kind,
                     String adminCenterEn, String adminCenterKk, Double centerLat, Double centerLon,
                     Long population) {
}
