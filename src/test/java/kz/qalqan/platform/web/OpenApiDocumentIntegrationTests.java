package kz.qalqan.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document: one schema name per body type, and readable with the same credentials as the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiBodyTypeHasASchemaNameOfItsOwn() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod method : mappings.getHandlerMethods().values()) {
            if (!method.getBeanType().getPackageName().startsWith("kz.qalqan")) {
                continue;
            }
            for (MethodParameter p : method.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    collect(ResolvableType.forMethodParameter(p), byName, seen);
                }
            }
            collect(ResolvableType.forMethodReturnType(method.getMethod()), byName, seen);
        }
        Map<String, Set<String>> clashes = new TreeMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).as("schema names shared by different classes").isEmpty();
        assertThat(byName).containsKeys("EmergencyStatusRequest", "TaskStatusRequest", "TeamMemberRequest", "MemberRequest");
    }

    private static void collect(ResolvableType type, Map<String, Set<String>> byName, Set<Class<?>> seen) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        for (ResolvableType generic : type.getGenerics()) {
            collect(generic, byName, seen);
        }
        if (raw.isArray()) {
            collect(type.getComponentType(), byName, seen);
        }
        if (!raw.getName().startsWith("kz.qalqan") || !seen.add(raw)) {
            return;
        }
        if (!raw.isEnum()) { // enums are written inline, not as named schemas
            Schema named = raw.getAnnotation(Schema.class);
            String name = named != null && !named.name().isEmpty() ? named.name() : raw.getSimpleName();
            byName.computeIfAbsent(name, k -> new HashSet<>()).add(raw.getName());
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                collect(ResolvableType.forType(c.getGenericType()), byName, seen);
            }
        }
    }

    @Test
    void theDocumentNamesEachBodyAndAcceptsABearerToken() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient.Response issued = admin.postJson("/api/users/me/tokens", Map.of("name", "openapi-reader", "expiresInDays", 1));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        ApiClient reader = ApiClient.bearer(port, issued.json().get("secret").asString());

        ApiClient.Response document = reader.get("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        JsonNode schemas = document.json().get("components").get("schemas");
        assertThat(schemas.get("EmergencyStatusRequest").get("properties").has("reason")).isTrue();
        assertThat(schemas.get("TaskStatusRequest").get("properties").has("reason")).isFalse();
        assertThat(schemas.get("TeamMemberRequest").get("properties").has("leader")).isTrue();
        assertThat(schemas.get("MemberRequest").get("properties").has("iin")).isTrue();
        assertThat(reader.get("/v3/api-docs.yaml").status()).isEqualTo(200);
        assertThat(schemas.has("EmergencyAreaCircle") && schemas.has("CapCircle") && schemas.has("CallUpCounts")
                && schemas.has("Counts")).as("renamed nested schemas").isTrue();

        assertThat(ApiClient.bearer(port, "qlq_not-a-token").get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(admin.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/v3/api-docs").status()).isIn(302, 401);
    }
}
