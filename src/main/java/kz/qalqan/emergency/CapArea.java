package kz.qalqan.emergency;

import java.util.List;

/** One {@code area} of a CAP {@code info} block: its description and any polygons, circles and geocodes. */
public record CapArea(String areaDesc, List<List<Point>> polygons, List<Circle> circles, List<Geocode> geocodes) {

    public CapArea {
        polygons = polygons.stream().map(List::copyOf).toList();
        circles = List.copyOf(circles);
        geocodes = List.copyOf(geocodes);
    }

    /** A WGS 84 point. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CapPoint") // the simple name is taken by another schema
    public record Point(double lat, double lon) {
    }

    /** A circle: its centre and its radius in kilometres (0 for a point). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CapCircle") // the simple name is taken by another schema
    public record Circle(Point center, double radiusKm) {
    }

    /** A geographic code, such as a SAME or ISO 3166-2 code. */
    public record Geocode(String valueName, String value) {
    }
}
