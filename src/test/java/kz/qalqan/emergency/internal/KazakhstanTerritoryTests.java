package kz.qalqan.emergency.internal;

import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.shared.GeoPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KazakhstanTerritoryTests {

    private static final KazakhstanTerritory TERRITORY = new KazakhstanTerritory();

    /** A closed box from (south, west) to (north, east), as CAP draws one. */
    private static List<GeoPoint> box(double south, double west, double north, double east) {
        return List.of(new GeoPoint(south, west), new GeoPoint(north, west), new GeoPoint(north, east),
                new GeoPoint(south, east), new GeoPoint(south, west));
    }

    private static EmergencyArea polygons(List<GeoPoint> ring) {
        return new EmergencyArea(List.of(ring), List.of(), List.of(), List.of());
    }

    @Test
    void foreignAreasLieOutside() {
        // Reykjavik, the Sierra Nevada in California, New South Wales
        for (EmergencyArea abroad : List.of(polygons(box(64.0, -22.1, 64.2, -21.6)), polygons(box(38.3, -120.2, 38.7, -119.7)),
                new EmergencyArea(List.of(), List.of(new EmergencyArea.Circle(new GeoPoint(-33.8, 151.0), 40)), List.of(), List.of()))) {
            KazakhstanTerritory.Judgement j = TERRITORY.judge(abroad);
            assertThat(j.placement()).isEqualTo(KazakhstanTerritory.Placement.OUTSIDE);
            assertThat(j.inside().isEmpty()).isTrue();
            assertThat(j.regionCodes()).isEmpty();
        }
    }

    @Test
    void aNamedRegionIsKeptWhereverTheShapesAre() {
        EmergencyArea area = new EmergencyArea(List.of(box(64.0, -22.1, 64.2, -21.6)), List.of(), List.of("KZ-75"), List.of());
        KazakhstanTerritory.Judgement j = TERRITORY.judge(area);
        assertThat(j.placement()).isEqualTo(KazakhstanTerritory.Placement.OUTSIDE);
        assertThat(j.inside().regionCodes()).containsExactly("KZ-75");
        assertThat(j.inside().polygons()).isEmpty();
    }

    @Test
    void anAreaInsideIsKeptAsSentWithItsRegion() {
        EmergencyArea atyrau = polygons(box(47.0, 51.7, 47.2, 52.05));
        KazakhstanTerritory.Judgement j = TERRITORY.judge(atyrau);
        assertThat(j.placement()).isEqualTo(KazakhstanTerritory.Placement.INSIDE);
        assertThat(j.inside()).isEqualTo(atyrau);
        assertThat(j.regionCodes()).containsExactly("KZ-23");
    }

    @Test
    void anAreaAcrossAnInternalBoundaryIsStillInside() {
        // Almaty city and the Almaty region around it
        KazakhstanTerritory.Judgement j = TERRITORY.judge(polygons(box(43.15, 76.7, 43.6, 77.2)));
        assertThat(j.placement()).isEqualTo(KazakhstanTerritory.Placement.INSIDE);
        assertThat(j.regionCodes()).contains("KZ-75").hasSizeGreaterThan(1);
    }

    @Test
    void anAreaAcrossTheBorderKeepsOnlyItsPartInKazakhstan() {
        // south of Almaty into Kyrgyzstan (the border runs at about 42.9° N)
        KazakhstanTerritory.Judgement j = TERRITORY.judge(polygons(box(42.2, 76.6, 43.4, 77.2)));
        assertThat(j.placement()).isEqualTo(KazakhstanTerritory.Placement.ACROSS_BORDER);
        assertThat(j.inside().polygons()).isNotEmpty();
        for (List<GeoPoint> ring : j.inside().polygons()) {
            assertThat(ring).allSatisfy(p -> assertThat(p.lat()).isBetween(42.6, 43.4001));
            assertThat(TERRITORY.judge(polygons(ring)).placement()).as("the part kept is in Kazakhstan")
                    .isNotEqualTo(KazakhstanTerritory.Placement.OUTSIDE);
        }
        // a circle across the border becomes its clipped polygon
        KazakhstanTerritory.Judgement circle = TERRITORY.judge(new EmergencyArea(List.of(),
                List.of(new EmergencyArea.Circle(new GeoPoint(42.95, 76.9), 30)), List.of(), List.of()));
        assertThat(circle.placement()).isEqualTo(KazakhstanTerritory.Placement.ACROSS_BORDER);
        assertThat(circle.inside().circles()).isEmpty();
        assertThat(circle.inside().polygons()).isNotEmpty();
    }
}
