package kz.qalqan.emergency.accountability;

import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures in docs/BENCHMARKS.md ("Accountability"): N members living in a 30 km circle, declared, put on the
 * roll, read as a roll-up, and reported for. Not part of the suite (the name does not end in Tests); run with
 * {@code mvn -o test -Dtest=AccountabilityScaleMeasurement -Daccountability.members=50000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountabilityScaleMeasurement {

    @LocalServerPort
    int port;

    @Autowired
    MemberImport imports;

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("accountability.members", 50_000);
        double lat = 42.32;
        double lon = 69.59; // Shymkent
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder csv = new StringBuilder("iin,last_name,first_name,region,lat,lon\n");
        for (int i = 0; i < n; i++) {
            // inside a 30 km circle: at most 0.25° of latitude and 0.33° of longitude from the centre, then a disc
            double r = 29.0 * Math.sqrt(random.nextDouble());
            double a = random.nextDouble(2 * Math.PI);
            csv.append(TestIins.random()).append(",Өлшемов,Тест,KZ-79,")
                    .append(lat + r * Math.cos(a) / 111.195).append(',')
                    .append(lon + r * Math.sin(a) / (111.195 * Math.cos(Math.toRadians(lat)))).append('\n');
        }
        long t0 = System.nanoTime();
        ImportReport report = imports.importMembers(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportMode.ACCEPT_VALID, "measurement", "measure.csv");
        System.out.printf("import: %d accepted in %.1f s%n", report.accepted(), (System.nanoTime() - t0) / 1e9);

        // an access token, not basic authentication: a password check per request would be what is measured
        var token = ApiClient.admin(port).postJson("/api/users/me/tokens", Map.of("name", "measurement"));
        ApiClient admin = ApiClient.bearer(port, token.json().get("secret").asString());
        long declaredAt = System.nanoTime();
        var declared = admin.postJson("/api/emergencies", Map.of("title", "Жер сілкінісі", "type", "EARTHQUAKE",
                "severity", "EXTREME", "area", Map.of("circles", List.of(Map.of("center", Map.of("lat", lat, "lon", lon),
                        "radiusKm", 30)))));
        long id = declared.json().get("id").asLong();
        String base = "/api/emergencies/" + id + "/accountability";
        long total = 0;
        while (total < report.accepted() && System.nanoTime() - declaredAt < 300e9) {
            Thread.sleep(100);
            total = admin.get(base).json().get("total").asLong();
        }
        System.out.printf("roll: %d members on the roll %.2f s after the declaration%n", total, (System.nanoTime() - declaredAt) / 1e9);
        assertThat(total).isGreaterThanOrEqualTo(report.accepted());

        double[] reads = new double[20];
        for (int i = 0; i < reads.length; i++) {
            long s = System.nanoTime();
            assertThat(admin.get(base).status()).isEqualTo(200);
            reads[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(reads);
        System.out.printf("roll-up of %d: p50 %.0f ms, max %.0f ms%n", total, reads[reads.length / 2], reads[reads.length - 1]);

        List<Long> ids = new ArrayList<>();
        admin.get(base).json().get("unaccounted").forEach(u -> ids.add(u.get("memberId").asLong()));
        long s = System.nanoTime();
        for (Long member : ids) {
            assertThat(admin.postJson(base + "/" + member, Map.of("status", "SAFE")).status()).isEqualTo(200);
        }
        double seconds = (System.nanoTime() - s) / 1e9;
        System.out.printf("reports: %d on-behalf reports in %.1f s (%.0f per second, one client)%n", ids.size(), seconds,
                ids.size() / seconds);
    }
}
