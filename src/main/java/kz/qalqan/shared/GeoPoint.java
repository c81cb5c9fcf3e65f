package kz.qalqan.shared;

/** A WGS 84 position in decimal degrees. The constructor guards code; input is checked with the *Problem methods. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180");
        }
    }

    /**
     * Why a latitude is not one (a {@code shared.geo.*} code), or {@code null}; a missing value is not checked here.
     */
    public static Refusal latitudeProblem(Double lat) {
        return lat == null || (lat >= -90 && lat <= 90) ? null : Refusal.of("shared.geo.latitude", -90, 90);
    }

    /** Why a longitude is not one (a {@code shared.geo.*} code), or {@code null}. */
    public static Refusal longitudeProblem(Double lon) {
        return lon == null || (lon >= -180 && lon <= 180) ? null : Refusal.of("shared.geo.longitude", -180, 180);
    }
}
