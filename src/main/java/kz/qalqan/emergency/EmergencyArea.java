package kz.qalqan.emergency;

import kz.qalqan.shared.GeoPoint;

import java.util.List;

/**
 * The affected area: any union of polygons (closed rings of WGS 84 points, as in CAP), circles (centre and radius
 * in km), whole regions (ISO 3166-2 codes such as {@code KZ-23}) and whole districts (registry ids). A place is
 * inside when it is inside any of them.
 */
public record EmergencyArea(List<List<GeoPoint>> polygons, List<Circle> circles, List<String> regionCodes,
                            List<Integer> districtIds) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Caps on the area's lists in a request (refused with 400 beyond them): ample for any real alert. */
    public static final int MAX_POLYGONS = 100;
    public static final int MAX_POLYGON_POINTS = 10_000;
    public static final int MAX_CIRCLES = 100;
    public static final int MAX_REGIONS = 20;
    public static final int MAX_DISTRICTS = 250;

    public EmergencyArea {
        polygons = polygons == null ? List.of() : polygons.stream().map(List::copyOf).toList();
        circles = circles == null ? List.of() : List.copyOf(circles);
        regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
        districtIds = districtIds == null ? List.of() : List.copyOf(districtIds);
    }

    /** A circle of {@code radiusKm} around {@code center}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EmergencyAreaCircle") // the simple name is taken by another schema
    public record Circle(GeoPoint center, double radiusKm) {
    }

    public boolean isEmpty() {
        return polygons.isEmpty() && circles.isEmpty() && regionCodes.isEmpty() && districtIds.isEmpty();
    }

    /** Whether a place — a point (may be null), its region code and district id (either may be null) — is affected. */
    public boolean contains(GeoPoint point, String regionCode, Integer districtId) {
        if (regionCode != null && regionCodes.contains(regionCode)) {
            return true;
        }
        if (districtId != null && districtIds.contains(districtId)) {
            return true;
        }
        if (point == null) {
            return false;
        }
        for (Circle circle : circles) {
            if (distanceKm(circle.center(), point) <= circle.radiusKm()) {
                return true;
            }
        }
        for (List<GeoPoint> ring : polygons) {
            if (inside(ring, point)) {
                return true;
            }
        }
        return false;
    }

    /** Great-circle distance (haversine) in kilometres. */
    public static double distanceKm(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Ray casting in the lat/lon plane: good for the areas of an emergency, which do not cross the antimeridian. */
    private static boolean inside(List<GeoPoint> ring, GeoPoint p) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > p.lat()) != (b.lat() > p.lat())
                    && p.lon() < (b.lon() - a.lon()) * (p.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * A point to centre maps and selections on: the first circle's centre, else the mean of the first polygon's
     * vertices; null when the area is only regions or districts (the caller uses their centres).
     */
    public GeoPoint centre() {
        if (!circles.isEmpty()) {
            return circles.get(0).center();
        }
        if (!polygons.isEmpty() && !polygons.get(0).isEmpty()) {
            List<GeoPoint> ring = polygons.get(0);
            int n = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.size() - 1 : ring.size();
            double lat = 0;
            double lon = 0;
            for (int i = 0; i < n; i++) {
                lat += ring.get(i).lat();
                lon += ring.get(i).lon();
            }
            return new GeoPoint(lat / n, lon / n);
        }
        return null;
    }
}
