package kz.qalqan.platform.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, bounded fuzz of the whole OpenAPI surface: every operation in {@code /v3/api-docs} is called with
 * valid-looking and mutated path ids, query parameters, JSON bodies (wrong types, numbers out of any range, impossible
 * dates, NUL characters, broken JSON), content types and Accept headers, plus CAP XML and CSV uploads, as users of
 * several roles. No answer may be a 5xx, and the application must be healthy afterwards. A failure prints the seed
 * and every failing request; rerun one with {@code -Dqalqan.fuzz.seed=…} (and {@code -Dqalqan.fuzz.requests=…}).
 * Runs on its own embedded database, so what it writes does not disturb other tests; against an external server
 * (CI's second run, {@code QALQAN_DB_URL}) it would share their database, so it does not run there.
 */
@DisabledIfEnvironmentVariable(named = "QALQAN_DB_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qalqan.data-dir=target/test-pg/fuzz-${random.uuid}")
class ApiFuzzIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("qalqan.fuzz.seed", 20261207L);
    private static final int REQUESTS = Integer.getInteger("qalqan.fuzz.requests", 3000);

    private static final String[] NASTY_TEXT = {"", " ", "\u0000", "a\u0000b", "%00", "'; drop table x; --", "<script>",
            "ЖСН Қазақстан", "\uD83D\uDE00", "x".repeat(5000), "null", "-1", "9223372036854775808", "1e309", "NaN",
            "31.02.1990", "1990-02-31", "2025-13-01", "0000-00-00", "KZ-75", "KZ-99", "../../etc/passwd", "\\", "\"",
            "%C3%28", "true", "[]", "{}"};
    private static final String[] NASTY_NUMBERS = {"0", "-1", "1", "2147483648", "-9223372036854775809",
            "9223372036854775807", "99999999999999999999999", "1e308", "-1e308", "NaN", "Infinity", "0.5", "-0", "abc", ""};
    private static final String[] CONTENT_TYPES = {"*/*", "application/*", "text/plain", "application/xml",
            "a/b/c", "multipart/form-data", "application/json; charset=latin1", "application/x-www-form-urlencoded", ";"};
    private static final String[] ACCEPTS = {"application/xml", "text/html", "image/png", "*/*;q=x", "text/csv",
            "application/problem+json", "application/json"};

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String lastBody = "";
    private static final Map<String, String> USERS = new java.util.HashMap<>();

    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {
    }

    record Failure(int index, String request, int status, String answer) {
    }

    @Test
    void noClientInputGetsA5xxAndTheApplicationStaysHealthy() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        List<Long> ids = seedData(admin);
        JsonNode docs = admin.get("/v3/api-docs").json();
        List<Operation> operations = operations(docs);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
        JsonNode schemas = docs.path("components").path("schemas");

        List<String> users = new ArrayList<>();
        users.add(token(basic("admin", "test-admin-password-1")));
        USERS.put(users.get(0), "admin");
        for (String role : List.of("COMMANDER", "EMERGENCY_COORDINATOR", "MEDICAL_OFFICER", "SAFETY_OFFICER", "MEMBER")) {
            users.add(newUser(admin, role));
            USERS.put(users.get(users.size() - 1), role);
        }
        users.add(null); // anonymous

        Random random = new Random(SEED);
        List<Failure> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = operations.get(random.nextInt(operations.size()));
            String user = users.get(random.nextInt(users.size()));
            HttpRequest request = request(op, schemas, ids, user, random);
            int status;
            String answer;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = 599;
                answer = "no answer: " + e;
            }
            if (status >= 500) {
                failures.add(new Failure(i, describe(request) + (lastBody.isEmpty() ? "" : " body: " + shorten(lastBody, 400)),
                        status, shorten(answer, 300)));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(failures).as("5xx answers to fuzzed requests (seed %d, %d requests in %.1f s; rerun with "
                + "-Dqalqan.fuzz.seed=%d):%n%s", SEED, REQUESTS, seconds, SEED, report(failures)).isEmpty();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("health after the fuzz").isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(ApiClient.admin(port).get("/api/regions").status()).as("the API still answers").isIn(200, 401);
    }

    // ---- the surface ----

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(parameters::add);
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                        body.isMissingNode() ? null : body));
            }
        }
        return operations;
    }

    private HttpRequest request(Operation op, JsonNode schemas, List<Long> ids, String user, Random random) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asString();
            String value = value(p.path("schema"), schemas, ids, random);
            if ("path".equals(p.path("in").asString())) {
                path = path.replace("{" + name + "}", encode(value, random));
            } else if ("query".equals(p.path("in").asString()) && random.nextInt(4) > 0) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value, random));
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(random.nextBoolean() ? "q=%C3%28" : "lang=%00");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path + query)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", user);
        }
        if (random.nextInt(8) == 0) {
            b.header("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]);
        }
        if (random.nextInt(6) == 0) {
            b.header("Accept-Language", random.nextBoolean() ? "ru" : "kk;q=x, *");
        }
        boolean writes = !op.method().equals("GET") && !op.method().equals("DELETE");
        byte[] body = new byte[0];
        String contentType = null;
        if (writes && op.path().contains("/cap")) {
            contentType = random.nextInt(5) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : "application/cap+xml";
            body = capBody(random).getBytes(StandardCharsets.UTF_8);
        } else if (writes && op.path().startsWith("/api/imports")) {
            String boundary = "fuzz" + random.nextInt(1000);
            contentType = random.nextInt(5) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary;
            body = multipart(boundary, csvBody(random), random).getBytes(StandardCharsets.UTF_8);
        } else if (op.bodySchema() != null || (writes && random.nextInt(4) == 0)) {
            contentType = random.nextInt(8) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : "application/json";
            body = jsonBody(op.bodySchema(), schemas, ids, random).getBytes(StandardCharsets.UTF_8);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        lastBody = new String(body, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return b.method(op.method(), publisher).build();
    }

    // ---- values ----

    private String value(JsonNode schema, JsonNode schemas, List<Long> ids, Random random) {
        schema = resolve(schema, schemas);
        int roll = random.nextInt(10);
        if (roll == 0) {
            return NASTY_TEXT[random.nextInt(NASTY_TEXT.length)];
        }
        if (roll == 1) {
            return NASTY_NUMBERS[random.nextInt(NASTY_NUMBERS.length)];
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asString();
        }
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> String.valueOf(ids.get(random.nextInt(ids.size())));
            case "number" -> String.valueOf(Math.round((random.nextDouble() * 200 - 100) * 10) / 10.0);
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> switch (format) {
                case "date" -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                case "date-time" -> "2026-12-0" + (1 + random.nextInt(9)) + "T10:00:00Z";
                default -> List.of("KZ-75", "KZ-71", "ACTIVE", "a", "2026-12", "TRAINING_EVENT", "B", "II", "moderate",
                        "kk", TestIins.random()).get(random.nextInt(11));
            };
        };
    }

    private String jsonBody(JsonNode schema, JsonNode schemas, List<Long> ids, Random random) {
        int roll = random.nextInt(12);
        if (roll == 0) {
            return List.of("{", "[1,2", "not json", "{\"a\":}", "null", "\"text\"", "42", "{}", "[]",
                    "{\"a\":\"\\u0000\"}", "[".repeat(3000)).get(random.nextInt(11));
        }
        JsonNode node = schema == null ? NODES.objectNode() : generate(schema, schemas, ids, random, 0);
        if (roll <= 4) {
            node = mutate(node, random);
        }
        return JSON.writeValueAsString(node);
    }

    private JsonNode generate(JsonNode schema, JsonNode schemas, List<Long> ids, Random random, int depth) {
        schema = resolve(schema, schemas);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        if (random.nextInt(6) > 0) {
                            object.set(p.getKey(), generate(p.getValue(), schemas, ids, random, depth + 1));
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0 && depth < 4; i--) {
                    array.add(generate(schema.path("items"), schemas, ids, random, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(ids.get(random.nextInt(ids.size())));
            }
            case "number" -> {
                return NODES.numberNode(Math.round((random.nextDouble() * 120 - 40) * 10) / 10.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(value(schema, schemas, ids, random));
            }
        }
    }

    /** One field of the body made wrong: another type, an absurd number, a nasty text, an impossible date, gone. */
    private JsonNode mutate(JsonNode node, Random random) {
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return random.nextBoolean() ? NODES.stringNode(NASTY_TEXT[random.nextInt(NASTY_TEXT.length)]) : NODES.arrayNode();
        }
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(8)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, NODES.stringNode(NASTY_TEXT[random.nextInt(NASTY_TEXT.length)]));
            case 2 -> object.set(name, JSON.readTree(List.of("-9223372036854775809", "1e308", "-1e308",
                    "99999999999999999999999999", "0.0000001", "-1", "2147483648").get(random.nextInt(7))));
            case 3 -> object.set(name, NODES.nullNode());
            case 4 -> object.set(name, NODES.objectNode().put("x", 1));
            case 5 -> object.set(name, NODES.arrayNode().add("a").add(1));
            case 6 -> object.set(name, NODES.stringNode(List.of("1990-02-31", "31.02.1990", "2026-02-29", "2026-12-07T25:00",
                    "2026-12-07T10:00:00+99:00").get(random.nextInt(5))));
            default -> object.set(name, NODES.booleanNode(true));
        }
        return object;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int i = 0; i < 5 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return resolve(schema.get("allOf").get(0), schemas);
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return resolve(schema.get("oneOf").get(0), schemas);
        }
        return schema;
    }

    private static String capBody(Random random) {
        String area = List.of(
                "<area><areaDesc>Almaty</areaDesc><polygon>43.1,76.8 43.4,76.8 43.4,77.1 43.1,77.1 43.1,76.8</polygon></area>",
                "<area><areaDesc>x</areaDesc><circle>43.2,76.9 999999</circle></area>",
                "<area><areaDesc>x</areaDesc><polygon>91,181 0,0 1,1 91,181</polygon></area>",
                "<area><areaDesc>x</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>KZ-75</value></geocode></area>",
                "<area><areaDesc>Reykjavik</areaDesc><circle>64.1,-21.9 50</circle></area>").get(random.nextInt(5));
        String msgType = List.of("Alert", "Update", "Cancel", "Ack", "Error").get(random.nextInt(5));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>fuzz-%d</identifier><sender>fuzz@example.kz</sender>
                <sent>2026-12-07T10:00:00+05:00</sent><status>%s</status><msgType>%s</msgType><scope>Public</scope>%s
                <info><category>Met</category><event>Storm</event><urgency>Immediate</urgency><severity>Severe</severity>
                <certainty>Observed</certainty>%s</info></alert>""".formatted(random.nextInt(50),
                random.nextInt(5) == 0 ? "Test" : "Exercise", msgType,
                msgType.equals("Alert") ? "" : "<references>fuzz@example.kz,fuzz-1,2026-12-07T10:00:00+05:00</references>", area);
        return switch (random.nextInt(6)) {
            case 0 -> xml.substring(0, random.nextInt(xml.length()));
            case 1 -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><alert>&e;</alert>";
            case 2 -> xml.replace("2026-12-07T10:00:00", "2026-02-31T10:00:00");
            default -> xml;
        };
    }

    private static String csvBody(Random random) {
        String row = List.of(TestIins.random(), "000000000000", "abc", "\u0000").get(random.nextInt(4))
                + ",Серікбаев,Асқар,,KZ-75,reservist,+77011234567,,,,43.2,76.9,kk,," + List.of("31.02.1990", "1990-02-31",
                "15.05.1990", "", "99.99.9999").get(random.nextInt(5)) + ",,";
        return "iin,last_name,first_name,middle_name,region,category,phone,email,district,unit,lat,lon,language,skills,"
                + "birth_date,sex,status\n" + row + "\n";
    }

    private static String multipart(String boundary, String csv, Random random) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"mode\"\r\n\r\n"
                + List.of("ALL_OR_NOTHING", "ACCEPT_VALID", "x", "").get(random.nextInt(4)) + "\r\n--" + boundary
                + (random.nextInt(5) == 0 ? "" : "--") + "\r\n";
    }

    // ---- set-up and report ----

    private List<Long> seedData(ApiClient admin) {
        List<Long> ids = new ArrayList<>(List.of(0L, -1L, 1L, 2L, 3L, 999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iin", TestIins.random());
            m.put("lastName", "Фаззов");
            m.put("firstName", "Тест");
            m.put("regionCode", i == 2 ? "KZ-71" : "KZ-75");
            ApiClient.Response r = admin.postJson("/api/members", m);
            if (r.status() == 201) {
                ids.add(r.json().get("id").asLong());
            }
        }
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("code", "FUZZ-1");
        unit.put("name", "Fuzz unit");
        unit.put("type", "COMPANY");
        unit.put("regionCode", "KZ-75");
        ApiClient.Response u = admin.postJson("/api/units", unit);
        if (u.status() == 201) {
            ids.add(u.json().get("id").asLong());
        }
        return ids;
    }

    private String newUser(ApiClient admin, String role) throws IOException, InterruptedException {
        String username = "fuzz-" + role.toLowerCase().replace('_', '-');
        String password = "fuzz-secret-pass-" + username;
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("password", password);
        user.put("displayName", "Fuzz " + role);
        user.put("language", "en");
        user.put("grants", List.of(Map.of("role", role, "scope", "KZ-75")));
        assertThat(admin.postJson("/api/users", user).status()).as("user %s", role).isEqualTo(201);
        return token(basic(username, password));
    }

    /** A personal access token for the user: checking a password hash on every request would make the fuzz slow. */
    private String token(String basic) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/users/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"fuzz\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 201 ? "Bearer " + JSON.readTree(r.body()).get("secret").asString() : basic;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value, Random random) {
        if (value.startsWith("%") && random.nextBoolean()) {
            return value; // sent raw: %00, %C3%28
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String describe(HttpRequest request) {
        StringBuilder s = new StringBuilder(request.method()).append(' ').append(request.uri().getRawPath());
        if (request.uri().getRawQuery() != null) {
            s.append('?').append(request.uri().getRawQuery());
        }
        request.headers().map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                s.append(" [").append(k).append(": ").append(String.join(",", v)).append(']');
            }
        });
        request.headers().firstValue("Authorization").ifPresent(a -> s.append(" [user ").append(USERS.getOrDefault(a, "?")).append(']'));
        return s.toString();
    }

    private static String report(List<Failure> failures) {
        StringBuilder s = new StringBuilder();
        Map<String, Integer> byOperation = new LinkedHashMap<>();
        for (Failure f : failures) {
            String key = f.request().split(" ")[0] + " " + f.request().split(" ")[1].split("\\?")[0];
            if (byOperation.merge(key, 1, Integer::sum) <= 3) {
                s.append("#").append(f.index()).append(' ').append(f.status()).append(' ').append(f.request())
                        .append("\n    -> ").append(f.answer()).append('\n');
            }
        }
        s.append("by path: ").append(byOperation);
        return s.toString();
    }

    private static String shorten(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) + "…" : s;
    }

}
