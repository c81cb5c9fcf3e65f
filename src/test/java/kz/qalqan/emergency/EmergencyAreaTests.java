package kz.qalqan.emergency;

import kz.qalqan.shared.GeoPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmergencyAreaTests {

    private static final GeoPoint ATYRAU = new GeoPoint(47.0945, 51.9238);
    private static final GeoPoint ASTANA = new GeoPoint(51.1694, 71.4491);

    @Test
    void haversineDistanceAlongMeridianAndEquator() {
        double r = 6371.0088; // the IUGG mean earth radius
        assertThat(EmergencyArea.distanceKm(new GeoPoint(47, 51), new GeoPoint(48, 51))).isCloseTo(Math.PI * r / 180, within(1e-6));
        assertThat(EmergencyArea.distanceKm(new GeoPoint(0, 0), new GeoPoint(0, 90))).isCloseTo(Math.PI * r / 2, within(1e-6));
        assertThat(EmergencyArea.distanceKm(ATYRAU, ASTANA)).isBetween(1450.0, 1520.0);
        assertThat(EmergencyArea.distanceKm(ATYRAU, ATYRAU)).isZero();
    }

    @Test
    void aPlaceIsInsideWhenInsideAnyPart() {
        List<GeoPoint> square = List.of(new GeoPoint(47.0, 51.8), new GeoPoint(47.0, 52.1), new GeoPoint(47.2, 52.1),
                new GeoPoint(47.2, 51.8), new GeoPoint(47.0, 51.8));
        EmergencyArea polygon = new EmergencyArea(List.of(square), null, null, null);
        assertThat(polygon.contains(ATYRAU, null, null)).isTrue();
        assertThat(polygon.contains(new GeoPoint(47.3, 51.9), null, null)).isFalse();
        assertThat(polygon.contains(null, "KZ-23", null)).isFalse();

        EmergencyArea circle = new EmergencyArea(null, List.of(new EmergencyArea.Circle(ATYRAU, 10)), null, null);
        assertThat(circle.contains(new GeoPoint(47.0945 + 0.08, 51.9238), null, null)).isTrue(); // ~8.9 km north
        assertThat(circle.contains(new GeoPoint(47.0945 + 0.1, 51.9238), null, null)).isFalse(); // ~11.1 km north

        EmergencyArea named = new EmergencyArea(null, null, List.of("KZ-23"), List.of(7));
        assertThat(named.contains(null, "KZ-23", null)).isTrue();
        assertThat(named.contains(ASTANA, "KZ-71", 7)).isTrue();
        assertThat(named.contains(ASTANA, "KZ-71", 8)).isFalse();
        assertThat(named.centre()).isNull();
        assertThat(polygon.centre().lat()).isCloseTo(47.1, within(1e-9));
    }
}
