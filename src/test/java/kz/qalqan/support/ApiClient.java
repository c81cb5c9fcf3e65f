package kz.qalqan.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A real HTTP client for end-to-end API tests, signed in with HTTP Basic or a bearer token. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;
    private final String forwardedFor;

    public ApiClient(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.forwardedFor = null;
    }

    private ApiClient(String base, String authorization) {
        this(base, authorization, null);
    }

    private ApiClient(String base, String authorization, String forwardedFor) {
        this.base = base;
        this.authorization = authorization;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same client calling as if from {@code address}, through a proxy on this machine that sends
     * {@code X-Forwarded-For} (honoured where the context sets {@code server.forward-headers-strategy=native}).
     */
    public ApiClient from(String address) {
        return new ApiClient(base, authorization, address);
    }

    /** A client that sends {@code Authorization: Bearer <token>}. */
    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    public static ApiClient admin(int port) {
        return new ApiClient(port, "admin", "test-admin-password-1");
    }

    /**
     * A new user with one grant ({@code role} over {@code scope}, e.g. {@code KZ-75}), created by the admin, signed in
     * with basic authentication. {@code memberId} links the user to a member (null for none).
     */
    public static ApiClient newUser(int port, String role, String scope, Long memberId) {
        String username = role.toLowerCase().replace('_', '-') + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "test-secret-pass-" + username;
        java.util.Map<String, Object> user = new java.util.HashMap<>();
        user.put("username", username);
        user.put("password", password);
        user.put("displayName", "Test " + role);
        user.put("language", "en");
        user.put("grants", java.util.List.of(java.util.Map.of("role", role, "scope", scope)));
        if (memberId != null) {
            user.put("memberId", memberId);
        }
        Response r = admin(port).postJson("/api/users", user);
        if (r.status() != 201) {
            throw new AssertionError("could not create the user: " + r);
        }
        return new ApiClient(port, username, password);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null, null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A JSON POST whose answer is asked in {@code language} ({@code Accept-Language}). */
    public Response postJsonIn(String language, String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
