package kz.qalqan.emergency.accountability;

import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.registry.Placements;
import kz.qalqan.shared.GeoPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The calculations behind the roll-up and the registry query of the area. */
class AccountabilityTests {

    @Test
    void ninetyPercentIsTheSmallestWholeNumberOfMembersAtLeastNinetyPercent() {
        assertThat(Accountability.ninetyPercentOf(1)).isEqualTo(1);
        assertThat(Accountability.ninetyPercentOf(5)).isEqualTo(5);   // 4 of 5 is only 80 %
        assertThat(Accountability.ninetyPercentOf(9)).isEqualTo(9);   // 8 of 9 is 88.9 %
        assertThat(Accountability.ninetyPercentOf(10)).isEqualTo(9);
        assertThat(Accountability.ninetyPercentOf(11)).isEqualTo(10); // 9.9 → 10
        assertThat(Accountability.ninetyPercentOf(20)).isEqualTo(18);
        assertThat(Accountability.ninetyPercentOf(1_000_001)).isEqualTo(900_001);
        for (long n = 1; n < 2_000; n++) {
            long k = Accountability.ninetyPercentOf(n);
            assertThat(k * 10).as("n=%d", n).isGreaterThanOrEqualTo(n * 9);
            assertThat((k - 1) * 10).as("n=%d", n).isLessThan(n * 9);
        }
    }

    @Test
    void aCirclesBoxHoldsEveryPointOfTheCircle() {
        // Atyrau with 25 km, and Petropavl in the far north with 150 km (the widest span lies poleward)
        double[][] circles = {{47.1, 51.9, 25}, {54.87, 69.15, 150}};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (double[] c : circles) {
            GeoPoint centre = new GeoPoint(c[0], c[1]);
            EmergencyArea area = new EmergencyArea(null, List.of(new EmergencyArea.Circle(centre, c[2])), null, null);
            Placements.Box box = Accountability.boxes(area).get(0);
            // no wider than needed: a few per cent beyond the circle's extent on the haversine's sphere
            assertThat(box.maxLat() - box.minLat()).isBetween(2 * c[2] / 111.195, 2 * c[2] / 111.195 * 1.03);
            double spanLat = 1.2 * c[2] / 111.195;
            double spanLon = 1.2 * c[2] / (111.195 * Math.cos(Math.toRadians(c[0] + spanLat)));
            int inside = 0;
            for (int i = 0; i < 200_000; i++) {
                GeoPoint p = new GeoPoint(c[0] + random.nextDouble(-spanLat, spanLat), c[1] + random.nextDouble(-spanLon, spanLon));
                if (area.contains(p, null, null)) {
                    inside++;
                    assertThat(p.lat()).isBetween(box.minLat(), box.maxLat());
                    assertThat(p.lon()).isBetween(box.minLon(), box.maxLon());
                }
            }
            assertThat(inside).as("the sample hits the circle").isGreaterThan(50_000);
        }
    }

    @Test
    void aPolygonsBoxIsItsExtentAndRegionsNeedNoBox() {
        List<GeoPoint> ring = List.of(new GeoPoint(47.0, 51.0), new GeoPoint(47.5, 51.2), new GeoPoint(47.2, 52.0),
                new GeoPoint(47.0, 51.0));
        EmergencyArea area = new EmergencyArea(List.of(ring), null, List.of("KZ-23"), List.of(101));
        List<Placements.Box> boxes = Accountability.boxes(area);
        assertThat(boxes).containsExactly(new Placements.Box(47.0, 51.0, 47.5, 52.0));
        assertThat(Accountability.boxes(new EmergencyArea(null, null, List.of("KZ-23"), null))).isEmpty();
    }
}
