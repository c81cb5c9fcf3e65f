package kz.qalqan.security;

import kz.qalqan.shared.Role;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the application registers (read from the handler mapping, not from a hand-kept list)
 * is called by a user of every role, each granted over Almaty city (KZ-75), against a target inside that
 * region and — where the endpoint takes one — a target in Astana (KZ-71). Each call must answer as its
 * rule says, and no answer may contain anything of the Astana records. An endpoint without a rule here
 * fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIntegrationTests {

    private static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    private static final Role[] WRITERS = {Role.ADMIN, Role.COMMANDER};
    private static final Role[] TRAINERS = {Role.ADMIN, Role.COMMANDER, Role.TRAINING_OFFICER};

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** What an endpoint lets a role do, and on which target. */
    enum Access { PUBLIC, AUTHENTICATED, FILTERED, READERS, WRITERS, CREATORS, SELF, NATIONAL_ADMIN, AUDIT, CSRF_PROTECTED, OWNER, TRAINERS, MEDICS, SENDERS }

    enum Target { NONE, MEMBER, UNIT, REGION, IMPORT, TOKEN, USER }

    record Rule(Access access, Target target) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void rule(Access access, Target target, String... endpoints) {
        for (String e : endpoints) {
            RULES.put(e, new Rule(access, target));
        }
    }

    static {
        rule(Access.PUBLIC, Target.NONE, "GET /login", "ANY /error");
        rule(Access.AUTHENTICATED, Target.NONE, "GET /", "GET /api/regions", "GET /org", "GET /members", "GET /members/new",
                "GET /imports", "GET /imports/example.csv", "GET /members/form/districts", "GET /v3/api-docs",
                "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /api/users/me",
                "GET /api/users/me/tokens", "POST /api/users/me/tokens", "POST /api/users/me/password",
                "GET /api/members", "GET /api/units", "GET /api/imports", "GET /api/members/export.csv", "GET /members/export.csv", "GET /account", "GET /api/qualifications");
        // answered from the query, which withQuery supplies; nothing is stored or scoped
        rule(Access.AUTHENTICATED, Target.NONE, "GET /api/safety/risk", "GET /api/safety/heat", "GET /api/safety/windchill");
        // parses a CAP alert (a small valid one, see capAlert) and stores nothing; role rules come with storage
        rule(Access.AUTHENTICATED, Target.NONE, "POST /api/alerts/cap");
        rule(Access.AUTHENTICATED, Target.REGION, "GET /api/regions/{code}/districts", "GET /org/regions/{code}");
        rule(Access.AUTHENTICATED, Target.TOKEN, "DELETE /api/users/me/tokens/{id}");
        rule(Access.READERS, Target.MEMBER, "GET /api/members/{id}", "GET /api/members/{id}/assignments",
                "GET /api/members/{id}/qualifications", "GET /api/members/{id}/medical",
                "GET /members/{id}", "GET /members/{id}/edit");
        rule(Access.READERS, Target.UNIT, "GET /api/units/{id}", "GET /api/units/{id}/tree", "GET /api/units/{id}/positions",
                "GET /org/units/{id}");
        // answers everyone, with only what the caller may see (an empty list for an invisible unit)
        rule(Access.FILTERED, Target.UNIT, "GET /members/form/positions");
        rule(Access.WRITERS, Target.MEMBER, "PUT /api/members/{id}", "DELETE /api/members/{id}");
        rule(Access.WRITERS, Target.UNIT, "PUT /api/units/{id}", "DELETE /api/units/{id}", "POST /api/units/{id}/positions");
        // award and revoke qualifications: ADMIN, COMMANDER and TRAINING_OFFICER over the member
        rule(Access.TRAINERS, Target.MEMBER, "POST /api/members/{id}/qualifications",
                "DELETE /api/members/{id}/qualifications/{qid}");
        // record exams and profiles: MEDICAL_OFFICER over the member only (ADMIN is not a medical role)
        rule(Access.MEDICS, Target.MEMBER, "POST /api/members/{id}/medical/exams", "POST /api/members/{id}/medical/profiles");
        rule(Access.CREATORS, Target.NONE, "POST /api/members", "POST /api/units", "POST /api/imports/members");
        rule(Access.SELF, Target.NONE, "GET /api/members/me", "PUT /api/members/me/contacts");
        rule(Access.NATIONAL_ADMIN, Target.NONE, "GET /api/users", "POST /api/users");
        rule(Access.NATIONAL_ADMIN, Target.USER, "GET /api/users/{id}", "PUT /api/users/{id}", "DELETE /api/users/{id}",
                "POST /api/users/{id}/password");
        rule(Access.NATIONAL_ADMIN, Target.NONE, "GET /admin/users", "GET /admin/users/new");
        rule(Access.NATIONAL_ADMIN, Target.USER, "GET /admin/users/{id}/edit", "GET /admin/users/{id}/delete");
        rule(Access.AUDIT, Target.NONE, "GET /api/audit", "GET /api/audit/export.csv", "GET /audit", "GET /audit/export.csv");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /members", "POST /imports", "POST /audit/verify");
        rule(Access.CSRF_PROTECTED, Target.MEMBER, "POST /members/{id}");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /admin/users", "POST /account/password", "POST /account/tokens");
        rule(Access.CSRF_PROTECTED, Target.USER, "POST /admin/users/{id}", "POST /admin/users/{id}/password",
                "POST /admin/users/{id}/delete");
        rule(Access.CSRF_PROTECTED, Target.TOKEN, "POST /account/tokens/{id}/revoke");
        // notification: messages of a correlation id, filtered to the caller's scope (the world has one to each city)
        rule(Access.FILTERED, Target.NONE, "GET /api/notifications", "GET /api/notifications/silent",
                "GET /api/notifications/summary", "GET /notifications");
        // queue messages: ADMIN, COMMANDER, EMERGENCY_COORDINATOR; members out of scope are left out
        rule(Access.SENDERS, Target.NONE, "POST /api/notifications");
        // the signed reply link is the permission; the matrix uses a forged one, which is 404 for everyone
        rule(Access.PUBLIC, Target.NONE, "GET /r/{token}", "POST /r/{token}", "GET /api/notifications/replies/{token}",
                "POST /api/notifications/replies/{token}");
        rule(Access.OWNER, Target.IMPORT, "GET /api/imports/{id}", "GET /imports/{id}", "GET /imports/{id}/status");
    }

    /** The world the matrix runs in: one unit and member in each city, users of every role over Almaty. */
    private ApiClient admin;
    private Map<Target, String> inScope;
    private Map<Target, String> outOfScope;
    private List<String> astanaMarkers;
    private long selfMemberId;
    private String correlation;
    private List<Long> notified;
    private final Map<Role, ApiClient> apiAs = new EnumMap<>(Role.class);
    private final Map<Role, WebClient> webAs = new EnumMap<>(Role.class);
    private final Map<Role, String> usernames = new EnumMap<>(Role.class);
    private final Map<Role, String> passwords = new EnumMap<>(Role.class);
    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void everyEndpointAnswersEveryRoleAsItsRuleSays() {
        Set<String> endpoints = EndpointInventory.of(mapping);
        Set<String> withoutRule = new TreeSet<>(endpoints);
        withoutRule.removeAll(RULES.keySet());
        assertThat(withoutRule).as("endpoints without an authorisation rule in this test").isEmpty();

        setUpWorld();
        for (String endpoint : endpoints) {
            Rule rule = RULES.get(endpoint);
            for (Role role : Role.values()) {
                check(endpoint, rule, role, true);
                if (rule.target() == Target.MEMBER || rule.target() == Target.UNIT) {
                    check(endpoint, rule, role, false);
                }
            }
        }
        assertThat(failures).as("%d calls over %d endpoints × %d roles", calls, endpoints.size(), Role.values().length)
                .isEmpty();
        System.out.printf("Authorisation matrix: %d endpoints x %d roles, %d calls%n", endpoints.size(), Role.values().length, calls);
    }

    private void setUpWorld() {
        admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long almatyUnit = created(admin.postJson("/api/units", Map.of("code", "MXL-" + tag, "name", "Алматы взводы",
                "type", "PLATOON", "regionCode", "KZ-75")));
        String astanaCode = "MXA-" + tag;
        long astanaUnit = created(admin.postJson("/api/units", Map.of("code", astanaCode, "name", "Астана взводы",
                "type", "PLATOON", "regionCode", "KZ-71")));
        long almatyMember = created(admin.postJson("/api/members", member("KZ-75", almatyUnit, "Алматыұлы")));
        selfMemberId = created(admin.postJson("/api/members", member("KZ-75", almatyUnit, "Өзімұлы")));
        Map<String, Object> astana = member("KZ-71", astanaUnit, "Matrixastana");
        long astanaMember = created(admin.postJson("/api/members", astana));
        astanaMarkers = List.of((String) astana.get("iin"), "Matrixastana", astanaCode, "KZ-71/u" + astanaUnit + "/");

        correlation = "mx-" + tag;
        notified = List.of(almatyMember, astanaMember);
        var notice = admin.postJson("/api/notifications", notice("mx-" + tag));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(202);

        var importReport = admin.post("/api/imports/members", "text/csv",
                ("iin,last_name,first_name,region\n" + TestIins.random() + ",Импортов,Ержан,KZ-75\n").getBytes(StandardCharsets.UTF_8));
        long someUser = 0;
        for (Role role : Role.values()) {
            String username = "mx-" + role.name().toLowerCase().replace('_', '-') + "-" + tag;
            String password = "matrix-secret-" + tag + "-pass";
            Map<String, Object> user = new HashMap<>();
            user.put("username", username);
            user.put("password", password);
            user.put("displayName", "Matrix " + role);
            user.put("language", "en");
            user.put("grants", List.of(Map.of("role", role.name(), "scope", "KZ-75")));
            if (role == Role.MEMBER) {
                user.put("memberId", selfMemberId);
            }
            someUser = created(admin.postJson("/api/users", user));
            usernames.put(role, username);
            passwords.put(role, password);
            var token = new ApiClient(port, username, password).postJson("/api/users/me/tokens", Map.of("name", "matrix"));
            assertThat(token.status()).as(token.toString()).isEqualTo(201);
            apiAs.put(role, ApiClient.bearer(port, token.json().get("secret").asString()));
            webAs.put(role, new WebClient(port).signIn(username, password));
        }
        inScope = new EnumMap<>(Target.class);
        inScope.put(Target.MEMBER, Long.toString(almatyMember));
        inScope.put(Target.UNIT, Long.toString(almatyUnit));
        inScope.put(Target.REGION, "KZ-75");
        inScope.put(Target.IMPORT, importReport.json().get("id").asString());
        inScope.put(Target.USER, Long.toString(someUser));
        outOfScope = new EnumMap<>(Target.class);
        outOfScope.put(Target.MEMBER, Long.toString(astanaMember));
        outOfScope.put(Target.UNIT, Long.toString(astanaUnit));
    }

    private void check(String endpoint, Rule rule, Role role, boolean targetInScope) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        String target = method.equals("DELETE") && targetInScope && (rule.target() == Target.MEMBER || rule.target() == Target.UNIT)
                ? disposable(rule.target()) : targetFor(rule.target(), role, targetInScope);
        String path = pattern.replace("{id}", target == null ? "0" : target).replace("{code}", target == null ? "KZ-75" : target)
                .replace("{token}", "1.4102444800.forgedsignatureAAAAAAAAA");
        if (pattern.contains("{qid}")) {
            // a qualification of the target member, awarded by the admin, for the DELETE to revoke
            var awarded = admin.postJson("/api/members/" + target + "/qualifications", qualificationAward());
            path = path.replace("{qid}", Long.toString(created(awarded)));
        }
        path = withQuery(path, targetInScope);
        int status;
        String body;
        boolean web = !path.startsWith("/api/");
        if (web) {
            WebClient.Page page = method.equals("POST") ? webAs.get(role).postWithoutToken(path)
                    : webAs.get(role).get(path, path.startsWith("/v3/") ? "*/*" : "text/html");
            status = page.status();
            body = page.body();
        } else {
            ApiClient api = apiAs.get(role);
            ApiClient.Response r = switch (method) {
                case "GET", "ANY" -> api.get(path);
                case "DELETE" -> api.delete(path);
                case "PUT" -> api.putJson(path, bodyFor(pattern, target));
                case "POST" -> pattern.equals("/api/alerts/cap")
                        ? api.post(path, "application/cap+xml", capAlert())
                        : pattern.equals("/api/imports/members")
                        ? api.post(path, "text/csv", ("iin,last_name,first_name,region\n" + TestIins.random()
                        + ",Импортов,Ержан,KZ-75\n").getBytes(StandardCharsets.UTF_8))
                        : api.postJson(path, bodyFor(pattern, target));
                default -> throw new IllegalStateException(method);
            };
            status = r.status();
            body = r.body();
        }
        calls++;
        Set<Integer> expected = pattern.equals("/api/alerts/cap") ? Set.of(200) // a valid alert: parsed for everyone
                : pattern.equals("/api/notifications/replies/{token}") || pattern.equals("/r/{token}") ? Set.of(404) // forged link
                : expected(rule, role, targetInScope, method, web);
        String what = role + (targetInScope ? " in scope " : " out of scope ") + method + " " + path;
        if (!expected.contains(status)) {
            failures.add(what + ": expected one of " + expected + " but got " + status + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        for (String marker : astanaMarkers) {
            if (body.contains(marker)) {
                failures.add(what + ": the answer contains the Astana record '" + marker + "'");
            }
        }
    }

    /** A small valid CAP 1.2 alert for POST /api/alerts/cap. */
    private static byte[] capAlert() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>QQ-MATRIX-1</identifier><sender>matrix@qalqan.kz</sender><sent>2026-01-31T10:15:00+05:00</sent>"
                + "<status>Test</status><msgType>Alert</msgType><scope>Public</scope></alert>").getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh in-scope member or unit, so that a permitted DELETE does not remove the shared target. */
    private String disposable(Target target) {
        if (target == Target.MEMBER) {
            return Long.toString(created(admin.postJson("/api/members", member("KZ-75", null, "Жойылатын"))));
        }
        return Long.toString(created(admin.postJson("/api/units", Map.of("code", "MXD-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Жойылатын", "type", "PLATOON", "regionCode", "KZ-75"))));
    }

    private String withQuery(String path, boolean inScope) {
        if (path.equals("/members/form/positions")) {
            return path + "?unit=" + (inScope ? this.inScope.get(Target.UNIT) : outOfScope.get(Target.UNIT));
        }
        if (path.equals("/members/form/districts")) {
            return path + "?regionCode=KZ-11";
        }
        if (path.equals("/api/notifications") || path.startsWith("/api/notifications/s") || path.equals("/notifications")) {
            return path + "?correlation=" + correlation;
        }
        return switch (path) {
            case "/api/safety/risk" -> path + "?probability=C&severity=II";
            case "/api/safety/heat" -> path + "?wbgtF=87.8&work=moderate";
            case "/api/safety/windchill" -> path + "?tempC=-20&windKmh=30";
            default -> path;
        };
    }

    private String targetFor(Target target, Role role, boolean targetInScope) {
        return switch (target) {
            case NONE -> null;
            case TOKEN -> {
                var t = apiAs.get(role).postJson("/api/users/me/tokens", Map.of("name", "disposable"));
                yield Long.toString(t.json().get("token").get("id").asLong());
            }
            case MEMBER, UNIT -> {
                if (!targetInScope) {
                    yield outOfScope.get(target);
                }
                yield inScope.get(target);
            }
            default -> inScope.get(target);
        };
    }

    /** Statuses that satisfy the rule; a refusal is 403, or 404 where the target is not even visible. */
    private Set<Integer> expected(Rule rule, Role role, boolean targetInScope, String method, boolean web) {
        boolean reader = List.of(READERS).contains(role);
        boolean writer = List.of(WRITERS).contains(role);
        boolean trainer = List.of(TRAINERS).contains(role);
        Set<Integer> ok = method.equals("POST") ? Set.of(200, 201) : method.equals("DELETE") ? Set.of(204, 409) : Set.of(200);
        Set<Integer> refused = Set.of(403, 404);
        return switch (rule.access()) {
            case PUBLIC -> Set.of(200, 302, 404, 500);
            case FILTERED -> Set.of(200);
            case AUTHENTICATED -> union(ok, method.equals("POST") ? Set.of(400) : Set.of(302));
            case READERS -> !targetInScope ? Set.of(404)
                    : role == Role.MEMBER || !reader ? Set.of(404) : Set.of(200);
            case WRITERS -> !targetInScope ? Set.of(404)
                    : writer ? ok : reader ? Set.of(403) : Set.of(404);
            case CREATORS -> writer ? ok : Set.of(400, 422);
            case SELF -> role == Role.MEMBER ? Set.of(200) : Set.of(404);
            case NATIONAL_ADMIN -> Set.of(403);
            case AUDIT -> role == Role.ADMIN || role == Role.AUDITOR ? Set.of(200) : Set.of(403);
            case CSRF_PROTECTED -> Set.of(403);
            case OWNER -> Set.of(404);
            case TRAINERS -> !targetInScope ? Set.of(404)
                    : trainer ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            case SENDERS -> List.of(Role.ADMIN, Role.COMMANDER, Role.EMERGENCY_COORDINATOR).contains(role)
                    ? Set.of(202) : Set.of(403);
            case MEDICS -> !targetInScope ? Set.of(404)
                    : role == Role.MEDICAL_OFFICER ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
        };
    }

    private Object bodyFor(String pattern, String target) {
        return switch (pattern) {
            case "/api/members", "/api/members/{id}" -> member("KZ-75", null, "Жаңаұлы");
            case "/api/units", "/api/units/{id}" -> Map.of("code", "MXN-" + UUID.randomUUID().toString().substring(0, 8),
                    "name", "Жаңа", "type", "PLATOON", "regionCode", "KZ-75");
            case "/api/units/{id}/positions" -> Map.of("title", "Жүргізуші", "requiredQualifications", List.of("driver_c"));
            case "/api/notifications" -> notice("mx-" + UUID.randomUUID());
            case "/api/notifications/replies/{token}" -> Map.of("answer", "ACCEPT");
            case "/api/members/me/contacts" -> Map.of("phone", "+77011112233", "email", "me@example.org", "language", "ru");
            case "/api/users/me/tokens" -> Map.of("name", "extra");
            case "/api/members/{id}/qualifications" -> qualificationAward();
            case "/api/members/{id}/medical/exams" -> Map.of("examinedOn", today(), "result", "FIT",
                    "diagnosis", "Matrix diagnosis", "examiner", "Dr Matrix");
            case "/api/members/{id}/medical/profiles" -> Map.of("restrictions", List.of("NO_LOAD_OVER_KG"), "maxLoadKg", 20,
                    "reason", "Matrix reason", "startsOn", today(), "endsOn", today());
            case "/api/users/me/password" -> Map.of("currentPassword", "not-my-password-at-all", "newPassword", "another-secret-pass-99");
            case "/api/users/{id}/password" -> Map.of("password", "reset-secret-pass-1234");
            case "/api/users", "/api/users/{id}" -> Map.of("username", "mx-new-" + UUID.randomUUID().toString().substring(0, 6),
                    "password", "new-user-secret-pass", "displayName", "New", "language", "kk", "status", "ACTIVE",
                    "grants", List.of(Map.of("role", "ADMIN", "scope", "KZ")));
            default -> Map.of();
        };
    }

    /** A call-up to one member in each city (the POST answers counts only; the GETs must hide Astana's). */
    private Map<String, Object> notice(String key) {
        return Map.of("templateKey", "callup", "parameters", Map.of("title", "Matrix"), "channels", List.of("WEBHOOK"),
                "idempotencyKey", key, "correlationId", correlation, "expectsReply", true, "memberIds", notified);
    }

    private static String today() {
        return java.time.LocalDate.now(kz.qalqan.training.Qualifications.KAZAKHSTAN).toString();
    }

    private static Map<String, Object> qualificationAward() {
        return Map.of("code", "fitness_test", "awardedOn", java.time.LocalDate.now(kz.qalqan.training.Qualifications.KAZAKHSTAN).toString(),
                "evidence", "Matrix protocol");
    }

    private static Map<String, Object> member(String region, Long unitId, String lastName) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", lastName);
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        m.put("unitId", unitId);
        return m;
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
