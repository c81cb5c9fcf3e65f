package kz.qalqan.emergency;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.admin(port);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = CapApiIntegrationTests.class.getResourceAsStream("/cap/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void answersTheParsedAlertAsJson() throws IOException {
        var r = api.post("/api/alerts/cap", "application/cap+xml", sample("examples/a3-earthquake-report-update.xml"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("identifier").asString()).isEqualTo("TRI13970876.2");
        assertThat(r.json().get("msgType").asString()).isEqualTo("Update");
        assertThat(r.json().get("references").get(0).get("identifier").asString()).isEqualTo("TRI13970876.1");
        assertThat(r.json().get("infos").get(0).get("categories").get(0).asString()).isEqualTo("Geo");

        var iso = api.post("/api/alerts/cap", "application/xml", sample("real-world/usgs-earthquake-iso8859-1-signed.xml"));
        assertThat(iso.status()).as(iso.toString()).isEqualTo(200);
        assertThat(iso.json().get("infos").get(0).get("headline").asString()).contains("Usulután");
    }

    @Test
    void refusesAnInvalidAlertNamingTheProblem() throws IOException {
        var r = api.post("/api/alerts/cap", "text/xml", sample("real-world/invalid-krisinformation-sweden-vma.xml"));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("cap");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("senderName");
    }

    @Test
    void refusesAnXxeAttempt() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&xxe;</identifier></alert>";

        var r = api.post("/api/alerts/cap", "application/xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("DOCTYPE")
                .as("said in the page language (Kazakh by default), not in English").doesNotContain("well-formed");
        assertThat(r.json().get("code").asString()).isEqualTo("cap.xml.malformed");
        assertThat(r.body()).doesNotContain("root:");
    }
}
