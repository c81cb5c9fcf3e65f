package kz.qalqan.registry;

/** A district or city administration within a region (reference data, partial coverage). */
public record District(int id, String regionCode, String nameKk, String nameRu, String nameEn, String kind,
                       Double centerLat, Double centerLon) {
}
