package kz.qalqan.emergency.accountability;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The board: the page renders for a watcher, and its event stream says "changed" after a report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountabilityStreamIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anOpenBoardHearsOfAReportAndShowsIt() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // a surname of Cyrillic letters only, unique to this run
        StringBuilder surname = new StringBuilder("Ағын");
        tag.chars().forEach(c -> surname.append("абвгдежзиклмнопр".charAt(Character.digit(c, 16))));
        double lat = 43.20 + ThreadLocalRandom.current().nextDouble(0.05);
        double lon = 76.85 + ThreadLocalRandom.current().nextDouble(0.05);
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", surname.toString());
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("lat", lat);
        m.put("lon", lon);
        long member = admin.postJson("/api/members", m).json().get("id").asLong();
        var declared = admin.postJson("/api/emergencies", Map.of("title", "Сел " + tag, "type", "MUDFLOW", "severity", "SEVERE",
                "area", Map.of("circles", List.of(Map.of("center", Map.of("lat", lat, "lon", lon), "radiusKm", 1)))));
        long id = declared.json().get("id").asLong();
        String api = "/api/emergencies/" + id + "/accountability";
        long deadline = System.currentTimeMillis() + 20_000;
        while (admin.get(api + "/" + member).status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        // a coordinator over Almaty opens the board and its stream
        String username = "acc-board-" + tag;
        String password = "acc-board-secret-" + tag;
        assertThat(admin.postJson("/api/users", Map.of("username", username, "password", password, "displayName", "Board",
                "language", "kk", "grants", List.of(Map.of("role", "EMERGENCY_COORDINATOR", "scope", "KZ-75")))).status())
                .isEqualTo(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/emergencies/" + id + "/accountability"))
                .header("Authorization", basic).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"acc-map\"").contains(surname.toString()).contains("Белгісіз");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/emergencies/" + id + "/accountability/stream"))
                        .header("Authorization", basic).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(await(lines, "ready")).as("the stream opens with the current counter").isTrue();

        var report = admin.postJson(api + "/" + member, Map.of("status", "SAFE"));
        assertThat(report.status()).isEqualTo(200);
        assertThat(await(lines, "changed")).as("a report reaches the open board within the poll interval").isTrue();

        var live = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/emergencies/" + id + "/accountability/live"))
                .header("Authorization", basic).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("id=\"acc-live\"").doesNotContain(surname.toString()).doesNotContain("<html");
        response.body().close();
    }

    private static boolean await(BlockingQueue<String> lines, String event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("event:") && line.substring(6).trim().equals(event)) {
                return true;
            }
        }
        return false;
    }
}
