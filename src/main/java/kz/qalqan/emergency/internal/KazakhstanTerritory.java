package kz.qalqan.emergency.internal;

import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kazakhstan as the union of its 20 first-level regions ({@code reference/kz-regions.geojson}, OpenStreetMap
 * boundaries), for judging where an alert's area lies: wholly abroad, across the border (the part inside counts) or
 * inside, and which regions it touches. Geometry is planar in longitude/latitude (JTS), which is what CAP areas are.
 */
@Component
public class KazakhstanTerritory {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** ≈ 500 m: the clipped border is kept this close to the boundary data, so a stored area stays small. */
    private static final double CLIP_TOLERANCE_DEGREES = 0.005;
    private static final int CIRCLE_SEGMENTS = 64;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final Map<String, PreparedGeometry> regions = new LinkedHashMap<>();

    public KazakhstanTerritory() {
        this("/reference/kz-regions.geojson");
    }

    KazakhstanTerritory(String resource) {
        try (InputStream in = Objects.requireNonNull(KazakhstanTerritory.class.getResourceAsStream(resource), resource)) {
            JsonNode features = JsonMapper.builder().build().readTree(in).path("features");
            for (JsonNode feature : features) {
                Geometry region = geometry(feature.path("geometry"));
                regions.put(feature.path("properties").path("code").asString(),
                        PreparedGeometryFactory.prepare(region.isValid() ? region : region.buffer(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an area lies, and the part of it inside Kazakhstan (polygons and circles; named places are inside). */
    public record Judgement(Placement placement, EmergencyArea inside, Set<String> regionCodes) {
    }

    public enum Placement { INSIDE, ACROSS_BORDER, OUTSIDE }

    /**
     * Judges the shapes (polygons and circles) of an area. Regions and districts named in it are Kazakh by
     * definition and are kept as they are. An area with no shapes is {@code INSIDE}.
     */
    public Judgement judge(EmergencyArea area) {
        if (area.polygons().isEmpty() && area.circles().isEmpty()) {
            return new Judgement(Placement.INSIDE, area, Set.of());
        }
        Set<String> touched = new LinkedHashSet<>();
        List<List<GeoPoint>> polygons = new ArrayList<>();
        List<EmergencyArea.Circle> circles = new ArrayList<>();
        List<Geometry> pieces = new ArrayList<>();
        int inside = 0;
        int outside = 0;
        List<Object> sent = new ArrayList<>(area.polygons());
        sent.addAll(area.circles());
        for (Object original : sent) {
            Geometry shape = original instanceof EmergencyArea.Circle c ? circle(c) : polygon(castRing(original));
            if (shape == null) {
                continue;
            }
            List<Geometry> parts = new ArrayList<>();
            double covered = 0;
            for (Map.Entry<String, PreparedGeometry> region : regions.entrySet()) {
                if (region.getValue().intersects(shape)) {
                    touched.add(region.getKey());
                    Geometry part = OverlayNGRobust.overlay(region.getValue().getGeometry(), shape, OverlayNG.INTERSECTION);
                    covered += part.getArea();
                    parts.add(part);
                }
            }
            if (parts.isEmpty()) {
                outside++;
            } else if (covered >= shape.getArea() * 0.999) {
                inside++; // wholly in Kazakhstan (perhaps across regions): kept as sent
                if (original instanceof EmergencyArea.Circle c) {
                    circles.add(c);
                } else {
                    polygons.add(castRing(original));
                }
            } else {
                pieces.addAll(parts);
            }
        }
        if (touched.isEmpty()) {
            return new Judgement(Placement.OUTSIDE, new EmergencyArea(List.of(), List.of(), area.regionCodes(),
                    area.districtIds()), Set.of());
        }
        if (outside == 0 && pieces.isEmpty()) {
            return new Judgement(Placement.INSIDE, area, touched);
        }
        if (!pieces.isEmpty()) {
            Geometry clipped = TopologyPreservingSimplifier.simplify(UnaryUnionOp.union(pieces), CLIP_TOLERANCE_DEGREES);
            for (int i = 0; i < clipped.getNumGeometries(); i++) {
                if (clipped.getGeometryN(i) instanceof Polygon piece && !piece.isEmpty()) {
                    polygons.add(ring(piece));
                }
            }
        }
        return new Judgement(Placement.ACROSS_BORDER, new EmergencyArea(polygons, circles, area.regionCodes(),
                area.districtIds()), touched);
    }

    @SuppressWarnings("unchecked")
    private static List<GeoPoint> castRing(Object ring) {
        return (List<GeoPoint>) ring;
    }

    private static Geometry polygon(List<GeoPoint> ring) {
        if (ring.size() < 4) {
            return null;
        }
        Coordinate[] coordinates = ring.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            return null;
        }
        Geometry polygon = GEOMETRY.createPolygon(coordinates);
        return polygon.isValid() ? polygon : polygon.buffer(0); // a self-crossing ring still covers its places
    }

    /** The circle as a polygon of its points at {@code radiusKm} along 64 bearings (great-circle destinations). */
    private static Geometry circle(EmergencyArea.Circle c) {
        double radius = Math.max(c.radiusKm(), 0.01) / EARTH_RADIUS_KM;
        double lat = Math.toRadians(c.center().lat());
        double lon = Math.toRadians(c.center().lon());
        Coordinate[] ring = new Coordinate[CIRCLE_SEGMENTS + 1];
        for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
            double bearing = 2 * Math.PI * i / CIRCLE_SEGMENTS;
            double lat2 = Math.asin(Math.sin(lat) * Math.cos(radius) + Math.cos(lat) * Math.sin(radius) * Math.cos(bearing));
            double lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(radius) * Math.cos(lat),
                    Math.cos(radius) - Math.sin(lat) * Math.sin(lat2));
            ring[i] = new Coordinate(Math.toDegrees(lon2), Math.max(-90, Math.min(90, Math.toDegrees(lat2))));
        }
        ring[CIRCLE_SEGMENTS] = ring[0];
        Geometry polygon = GEOMETRY.createPolygon(ring);
        return polygon.isValid() ? polygon : polygon.buffer(0);
    }

    private static List<GeoPoint> ring(Polygon polygon) {
        List<GeoPoint> ring = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            ring.add(new GeoPoint(round(c.y), round(c.x)));
        }
        return ring;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000d) / 100_000d;
    }

    private static Geometry geometry(JsonNode geometry) {
        String type = geometry.path("type").asString();
        JsonNode coordinates = geometry.path("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(coordinates);
        }
        if ("MultiPolygon".equals(type)) {
            List<Polygon> parts = new ArrayList<>();
            coordinates.forEach(p -> parts.add(polygon(p)));
            return GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new));
        }
        throw new IllegalStateException("region geometry " + type + " is not a polygon");
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = linearRing(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = linearRing(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing linearRing(JsonNode ring) {
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(coordinates);
    }
}
