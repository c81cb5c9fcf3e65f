package kz.qalqan.platform.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of bad input the fuzz found answers a coded problem+json 4xx: a wildcard Content-Type, an Accept the
 * endpoint cannot answer, a number outside its range, broken percent-encoding, NUL characters, an impossible date in
 * a JSON body, an unknown unit on a CSV download, a body over its endpoint class's limit (declared or streamed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestInputIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password-1".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(r.body());
    }

    private static String member(String birthDate, String lastName) {
        return "{\"iin\":\"" + TestIins.random() + "\",\"lastName\":\"" + lastName + "\",\"firstName\":\"Ерлан\","
                + "\"regionCode\":\"KZ-75\"" + (birthDate == null ? "" : ",\"birthDate\":\"" + birthDate + "\"") + "}";
    }

    @Test
    void aWildcardContentTypeIsUnsupportedMediaType() throws Exception {
        JsonNode body = problem(send(to("/api/members").header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(member(null, "Асқаров")))), 415);
        assertThat(body.get("code").asString()).isEqualTo("request.contentType.invalid");
    }

    @Test
    void anAcceptTheEndpointCannotAnswerIsNotAcceptable() throws Exception {
        JsonNode body = problem(send(to("/api/members").header("Accept", "application/xml").GET()), 406);
        assertThat(body.get("code").asString()).isEqualTo("request.notAcceptable");
    }

    @Test
    void aNumberOutsideItsRangeNamesTheField() throws Exception {
        JsonNode body = problem(send(to("/api/safety/windchill?tempC=-9223372036854775809&windKmh=10").GET()), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("tempC");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("input.outOfRange");
        assertThat(body.get("errors").get(0).get("args").toString()).isEqualTo("[-60,60]");
    }

    @Test
    void brokenPercentEncodingAndNulCharactersInParametersAreBadRequests() throws Exception {
        assertThat(problem(send(to("/api/members?q=%C3%28").GET()), 400).get("code").asString())
                .isEqualTo("request.parameters.unreadable");
        JsonNode nul = problem(send(to("/api/members?q=a%00b").GET()), 400);
        assertThat(nul.get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(nul.get("errors").get(0).get("code").asString()).isEqualTo("input.nul");
    }

    @Test
    void aNulCharacterInAJsonBodyNamesTheField() throws Exception {
        JsonNode body = problem(send(to("/api/members").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(member(null, "A\\u0000B")))), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("lastName");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("input.nul");
    }

    @Test
    void anImpossibleDateInAJsonBodyIsRefusedWithTheFieldAndTheReasonInTheUsersLanguage() throws Exception {
        JsonNode body = problem(send(to("/api/members").header("Content-Type", "application/json")
                .header("Accept-Language", "ru").POST(HttpRequest.BodyPublishers.ofString(member("1990-02-31", "Асқаров")))), 400);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("birthDate");
        assertThat(error.get("code").asString()).isEqualTo("date.problem.NO_SUCH_DAY");
        assertThat(error.get("message").asString()).contains("Такой даты не существует");
    }

    @Test
    void anImpossibleDateInAQueryParameterIsRefused() throws Exception {
        JsonNode body = problem(send(to("/api/incidents?from=2026-02-30").GET()), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("date.problem.NO_SUCH_DAY");
    }

    @Test
    void anUnknownUnitOnTheCsvExportIsAProblemNotACrash() throws Exception {
        JsonNode body = problem(send(to("/api/members/export.csv?unit=999999999").GET()), 400);
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("unit");
    }

    @Test
    void aJsonBodyOverItsLimitIsContentTooLargeDeclaredOrStreamed() throws Exception {
        byte[] big = ("{\"lastName\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode declared = problem(send(to("/api/members").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))), 413);
        assertThat(declared.get("code").asString()).isEqualTo("request.tooLarge");
        // without a Content-Length the bytes are counted as they stream in
        JsonNode streamed = problem(send(to("/api/members").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))), 413);
        assertThat(streamed.get("code").asString()).isEqualTo("request.tooLarge");
    }

    @Test
    void aCapMessageOverItsLimitIsContentTooLarge() throws Exception {
        byte[] big = ("<alert>" + "x".repeat(1024 * 1024) + "</alert>").getBytes(StandardCharsets.UTF_8);
        assertThat(problem(send(to("/api/alerts/cap").header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))), 413).get("code").asString()).isEqualTo("request.tooLarge");
        assertThat(problem(send(to("/api/cap").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))), 413)
                .get("code").asString()).isEqualTo("request.tooLarge");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsABadRequest() throws Exception {
        problem(send(to("/api/imports/members").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("iin\n1\n"))), 400);
        problem(send(to("/api/members").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 400);
    }

    @Test
    void theMemberApiStillAcceptsAGoodRequest() {
        ApiClient.Response r = ApiClient.admin(port).post("/api/members", "application/json",
                member("1990-02-28", "Асқаров").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("birthDate").asString()).isEqualTo("1990-02-28");
    }
}
