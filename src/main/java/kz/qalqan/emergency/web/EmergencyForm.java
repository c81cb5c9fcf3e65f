package kz.qalqan.emergency.web;

import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.shared.GeoPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The declare and revise form as typed: text only, so that a wrong value is shown back to be corrected. The area
 * is one circle (centre "lat,lon" and radius in km), one polygon ("lat,lon;lat,lon;…", closed on its own if the
 * last point is not the first), any regions and one district — the map fills the same text fields.
 */
public record EmergencyForm(String title, String type, String severity, String exercise, String description,
                            List<String> regionCodes, String districtId, String circleCentre, String circleRadiusKm,
                            String polygon) {

    public EmergencyForm {
        regionCodes = regionCodes == null ? List.of() : regionCodes.stream().filter(c -> c != null && !c.isBlank()).toList();
    }

    static EmergencyForm blank() {
        return new EmergencyForm(null, null, null, null, null, List.of(), null, null, null, null);
    }

    /** The form filled with what is known of an emergency, for revising it. */
    static EmergencyForm of(Emergency e) {
        EmergencyArea area = e.area();
        String centre = null;
        String radius = null;
        if (!area.circles().isEmpty()) {
            EmergencyArea.Circle c = area.circles().get(0);
            centre = point(c.center());
            radius = number(c.radiusKm());
        }
        String polygon = area.polygons().isEmpty() ? null
                : area.polygons().get(0).stream().map(EmergencyForm::point).collect(Collectors.joining(";"));
        return new EmergencyForm(e.title(), e.type().name(), e.severity().name(), e.exercise() ? "true" : null,
                e.description(), area.regionCodes(),
                area.districtIds().isEmpty() ? null : Integer.toString(area.districtIds().get(0)), centre, radius, polygon);
    }

    public boolean isExercise() {
        return exercise != null && List.of("true", "on", "1", "yes").contains(exercise.trim().toLowerCase(Locale.ROOT));
    }

    public boolean hasRegion(String code) {
        return regionCodes.contains(code);
    }

    /**
     * The command, or field errors (field name → message key) for what cannot even be read; the service checks
     * the rest.
     */
    DeclareEmergency command(Map<String, String> errors) {
        Integer district = null;
        if (districtId != null && !districtId.isBlank()) {
            try {
                district = Integer.valueOf(districtId.trim());
            } catch (NumberFormatException e) {
                errors.put("districtId", "emergency.error.districtId");
            }
        }
        List<EmergencyArea.Circle> circles = new ArrayList<>();
        boolean hasCentre = circleCentre != null && !circleCentre.isBlank();
        boolean hasRadius = circleRadiusKm != null && !circleRadiusKm.isBlank();
        if (hasCentre || hasRadius) {
            GeoPoint centre = hasCentre ? parsePoint(circleCentre) : null;
            Double radius = hasRadius ? parseNumber(circleRadiusKm) : null;
            if (centre == null) {
                errors.put("circleCentre", "emergency.error.circleCentre");
            }
            if (radius == null || !(radius > 0 && radius <= 1000)) {
                errors.put("circleRadiusKm", "emergency.error.circleRadiusKm");
            }
            if (centre != null && radius != null) {
                circles.add(new EmergencyArea.Circle(centre, radius));
            }
        }
        List<List<GeoPoint>> polygons = new ArrayList<>();
        if (polygon != null && !polygon.isBlank()) {
            List<GeoPoint> ring = new ArrayList<>();
            for (String part : polygon.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                GeoPoint p = parsePoint(part);
                if (p == null) {
                    ring = null;
                    break;
                }
                ring.add(p);
            }
            if (ring == null || ring.size() < 3) {
                errors.put("polygon", "emergency.error.polygon");
            } else {
                if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                    ring.add(ring.get(0));
                }
                polygons.add(ring);
            }
        }
        return new DeclareEmergency(title, parse(EmergencyType.class, type), parse(Severity.class, severity), isExercise(),
                description, new EmergencyArea(polygons, circles, regionCodes, district == null ? List.of() : List.of(district)));
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(kind, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "lat,lon" (or "lat lon"), decimal degrees; null when unreadable or off the globe. */
    static GeoPoint parsePoint(String text) {
        String[] parts = text.trim().split("\\s*[, ]\\s*");
        if (parts.length != 2) {
            return null;
        }
        Double lat = parseNumber(parts[0]);
        Double lon = parseNumber(parts[1]);
        if (lat == null || lon == null || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            return null;
        }
        return new GeoPoint(lat, lon);
    }

    private static Double parseNumber(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String point(GeoPoint p) {
        return number(p.lat()) + "," + number(p.lon());
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }
}
