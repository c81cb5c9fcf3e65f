package kz.qalqan.emergency.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's emergency pages through a browser-like client: declaring through the form (with field errors
 * in Kazakh, Russian and English), the overview with its map and actions for coordinators only, the status changes
 * and the revise form, a member who sees only their own activations, and the dashboard tile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmergencyPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private WebClient signedIn(String role, String scope, Long memberId, String language) {
        String username = "emp-" + role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "emergency-page-pass-" + tag;
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("password", password);
        user.put("displayName", "Emergency page " + role);
        user.put("language", language);
        user.put("grants", List.of(Map.of("role", role, "scope", scope)));
        if (memberId != null) {
            user.put("memberId", memberId);
        }
        ApiClient.Response r = ApiClient.admin(port).postJson("/api/users", user);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        WebClient client = new WebClient(port).signIn(username, password);
        client.get("/account?lang=" + language); // the page language is a cookie, set by ?lang=
        return client;
    }

    private static Map<String, String> flood(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("type", "FLOOD");
        fields.put("severity", "SEVERE");
        fields.put("exercise", "true");
        fields.put("description", "Жайық тасып жатыр");
        return fields;
    }

    private static long idFrom(WebClient.Page redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String location = redirect.location();
        assertThat(location).matches(".*/emergencies/\\d+$");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Declares a circle around Atyrau city through the form as the given coordinator; returns its id. */
    private long declare(WebClient coordinator, String title) {
        WebClient.Page form = coordinator.get("/emergencies/new");
        Map<String, String> fields = flood(title);
        fields.put("circleCentre", "47.107,51.914");
        fields.put("circleRadiusKm", "30");
        return idFrom(coordinator.post("/emergencies", form, fields));
    }

    @Test
    void everyMistakeOfTheFormAndEveryRefusedStatusChangeIsSaidInRussianAndKazakhWithNoEnglish() {
        WebClient coordinator = signedIn("EMERGENCY_COORDINATOR", "KZ-23", null, "ru");
        WebClient.Page form = coordinator.get("/emergencies/new?lang=ru");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("title", "");
        bad.put("type", "");
        bad.put("severity", "");
        bad.put("description", "x".repeat(4001));
        bad.put("circleCentre", "47.1,51.9");
        bad.put("circleRadiusKm", "many");
        WebClient.Page ru = coordinator.post("/emergencies", form, bad);
        assertThat(ru.status()).isEqualTo(200);
        assertThat(ru.body()).contains("Укажите название не длиннее 200 символов.", "Выберите тип чрезвычайной ситуации.",
                "Выберите тяжесть.", "Описание может содержать не более 4000 символов.",
                "Укажите радиус больше 0 и не более 1000 км.");
        assertThat(ru.body()).doesNotContain("Give a title", "Choose the type", "Choose the severity", "at most 4000",
                "Give a radius", "is required", "characters");

        // a region the register does not know, said from the rule's code with its argument
        Map<String, String> unknownRegion = flood("Тасқын " + tag);
        WebClient.Page kkForm = coordinator.get("/emergencies/new?lang=kk");
        WebClient.Page kk = coordinator.post("/emergencies", kkForm, withRegion(unknownRegion, "KZ-99"));
        assertThat(kk.body()).contains("KZ-99 кодты облыс жоқ.").doesNotContain("unknown region");

        long id = declare(coordinator, "Тасқын " + tag);
        WebClient.Page overview = coordinator.get("/emergencies/" + id + "?lang=ru");
        coordinator.post("/emergencies/" + id + "/status", overview, Map.of("status", "CANCELLED"));
        assertThat(coordinator.get("/emergencies/" + id + "?lang=ru").body())
                .contains("Укажите причину: для отмены ЧС она обязательна.").doesNotContain("Give a reason");
        // the accountability board: its map's zoom buttons and a refused report, in Russian
        WebClient.Page board = coordinator.get("/emergencies/" + id + "/accountability?lang=ru");
        assertThat(board.body()).contains("data-zoom-in=\"Приблизить\"", "data-zoom-out=\"Отдалить\"");
        coordinator.post("/emergencies/" + id + "/accountability/report", board, Map.of("status", "SAFE"));
        assertThat(coordinator.get("/emergencies/" + id + "/accountability?lang=ru").body())
                .contains("Укажите номер участника из списка этой ЧС.").doesNotContain("is required");
        WebClient.Page kkOverview = coordinator.get("/emergencies/" + id + "?lang=kk");
        coordinator.post("/emergencies/" + id + "/status", kkOverview, Map.of("status", "CLOSED"));
        assertThat(coordinator.get("/emergencies/" + id + "?lang=kk").body())
                .contains("Төтенше жағдай қазіргі күйінен бұл күйге өте алмайды.").doesNotContain("cannot become");
    }

    private static Map<String, String> withRegion(Map<String, String> fields, String region) {
        fields.put("regionCodes", region);
        return fields;
    }

    @Test
    void aCoordinatorDeclaresThroughTheFormAndSeesFieldErrorsInTheirLanguage() {
        WebClient coordinator = signedIn("EMERGENCY_COORDINATOR", "KZ-23", null, "kk");

        WebClient.Page list = coordinator.get("/emergencies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/emergencies/new\"", "Төтенше жағдай жариялау");

        WebClient.Page form = coordinator.get("/emergencies/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"KZ-23\"", "Атырау облысы", "emergency-map.js", "leaflet.js",
                "name=\"circleCentre\"", "name=\"polygon\"", "<optgroup",
                "data-zoom-in=\"Үлкейту\"", "data-zoom-out=\"Кішірейту\"");

        // no area at all: the message stands next to the area, in Kazakh, then Russian, then English
        String title = "Тасқын " + tag;
        WebClient.Page kk = coordinator.post("/emergencies", form, flood(title));
        assertThat(kk.status()).isEqualTo(200);
        assertThat(kk.body()).contains("id=\"area-error\"", "Зардап шеккен аумақты көрсетіңіз", "value=\"" + title + "\"");
        WebClient.Page ruForm = coordinator.get("/emergencies/new?lang=ru");
        WebClient.Page ru = coordinator.post("/emergencies", ruForm, flood(title));
        assertThat(ru.body()).contains("Укажите зону бедствия");
        WebClient.Page enForm = coordinator.get("/emergencies/new?lang=en");
        WebClient.Page en = coordinator.post("/emergencies", enForm, flood(title));
        assertThat(en.body()).contains("Give the affected area: a region, a district, a circle or a polygon.");

        // unreadable radius and polygon, a missing type: each next to its field
        Map<String, String> bad = flood(title);
        bad.put("type", "");
        bad.put("circleCentre", "47.1,51.9");
        bad.put("circleRadiusKm", "many");
        bad.put("polygon", "47.2,51.7;north");
        WebClient.Page errors = coordinator.post("/emergencies", enForm, bad);
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.body()).contains("id=\"circleRadiusKm-error\"", "Give a radius above 0 and at most 1000 km.",
                "id=\"polygon-error\"", "Give at least three corners", "value=\"47.1,51.9\"");
        // and the missing type at the same time, not after the unreadable fields are corrected
        assertThat(errors.body()).contains("id=\"type-error\"", "Choose the type of emergency.");
        Map<String, String> untyped = flood(title);
        untyped.put("type", "");
        untyped.put("circleCentre", "47.1,51.9");
        untyped.put("circleRadiusKm", "20");
        assertThat(coordinator.post("/emergencies", enForm, untyped).body())
                .contains("id=\"type-error\"", "Choose the type of emergency.");

        // an area in Astana lies outside an Atyrau coordinator's scope
        Map<String, String> astana = flood(title);
        astana.put("circleCentre", "51.17,71.45");
        astana.put("circleRadiusKm", "5");
        assertThat(coordinator.post("/emergencies", enForm, astana).body())
                .contains("This area lies outside the part of the force you coordinate.");

        // a polygon (closed for the coordinator) and a district of the region
        Map<String, String> good = flood(title);
        good.put("polygon", "47.20,51.78; 47.22,52.02; 46.90,51.95");
        long id = idFrom(coordinator.post("/emergencies", enForm, good));
        ApiClient.Response api = ApiClient.admin(port).get("/api/emergencies/" + id);
        assertThat(api.json().get("title").asString()).isEqualTo(title);
        assertThat(api.json().get("exercise").asBoolean()).isTrue();
        assertThat(api.json().get("orgPath").asString()).isEqualTo("KZ-23/");
        assertThat(api.json().get("area").get("polygons").get(0).size()).isEqualTo(4);

        WebClient.Page overview = coordinator.get("/emergencies/" + id);
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains(title, "Exercise", "Polygon with 3 corners", "id=\"area-map\"",
                "\"polygons\":[[{\"lat\":47.2", "/emergencies/" + id + "/selection", "/emergencies/" + id + "/callup",
                "/emergencies/" + id + "/accountability", "/emergencies/" + id + "/tasks", "/emergencies/" + id + "/sitrep",
                "id=\"status-STOOD_DOWN\"", "id=\"status-CANCELLED\"", "href=\"/emergencies/" + id + "/edit\"");
        assertThat(overview.body()).doesNotContain("id=\"status-CLOSED\"");
    }

    @Test
    void theOverviewShowsActionsOnlyToCoordinatorsAndStatusChangesGoThroughThePage() {
        WebClient coordinator = signedIn("EMERGENCY_COORDINATOR", "KZ-23", null, "en");
        String title = "Overview flood " + tag;
        long id = declare(coordinator, title);

        WebClient commander = signedIn("COMMANDER", "KZ-23", null, "en");
        WebClient.Page watched = commander.get("/emergencies/" + id);
        assertThat(watched.status()).isEqualTo(200);
        assertThat(watched.body()).contains(title, "30 km around 47.107, 51.914", "id=\"area-map\"");
        assertThat(watched.body()).doesNotContain("id=\"status-", "/emergencies/" + id + "/edit\"");
        assertThat(commander.get("/emergencies/" + id + "/edit").status()).isEqualTo(403);
        assertThat(commander.get("/emergencies/new").status()).isEqualTo(403);
        assertThat(commander.get("/emergencies").body()).contains(title).doesNotContain("href=\"/emergencies/new\"");
        assertThat(signedIn("TRAINING_OFFICER", "KZ-23", null, "en").get("/emergencies/" + id).status()).isEqualTo(404);
        assertThat(signedIn("EMERGENCY_COORDINATOR", "KZ-71", null, "en").get("/emergencies/" + id).status()).isEqualTo(404);

        // cancelling needs a reason
        WebClient.Page page = coordinator.get("/emergencies/" + id);
        WebClient.Page noReason = coordinator.post("/emergencies/" + id + "/status", page, Map.of("status", "CANCELLED"));
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(coordinator.get("/emergencies/" + id).body()).contains("Give a reason: it is required to cancel an emergency.");

        // stand down: the page says so and the API agrees
        WebClient.Page stood = coordinator.post("/emergencies/" + id + "/status", page,
                Map.of("status", "STOOD_DOWN", "reason", "Water receding"));
        assertThat(stood.status()).isEqualTo(302);
        assertThat(stood.location()).endsWith("/emergencies/" + id);
        WebClient.Page after = coordinator.get("/emergencies/" + id);
        assertThat(after.body()).contains("The status was changed.", "Stood down", "Water receding",
                "id=\"status-ACTIVE\"", "id=\"status-CLOSED\"").doesNotContain("id=\"status-STOOD_DOWN\"");
        assertThat(ApiClient.admin(port).get("/api/emergencies/" + id).json().get("status").asString()).isEqualTo("STOOD_DOWN");

        // a move the lifecycle does not allow is refused with a message, not an error page
        coordinator.post("/emergencies/" + id + "/status", after, Map.of("status", "CANCELLED", "reason", "late"));
        assertThat(coordinator.get("/emergencies/" + id).body()).contains("cannot move to that status");

        // revise while open
        WebClient.Page edit = coordinator.get("/emergencies/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"" + title + "\"", "value=\"47.107,51.914\"", "value=\"30\"");
        Map<String, String> revised = flood(title + " (revised)");
        revised.put("circleCentre", "47.107,51.914");
        revised.put("circleRadiusKm", "45");
        WebClient.Page saved = coordinator.post("/emergencies/" + id + "/edit", edit, revised);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(coordinator.get("/emergencies/" + id).body()).contains(title + " (revised)", "45 km around",
                "The emergency was revised.");

        // closed: final, no more actions
        coordinator.post("/emergencies/" + id + "/status", after, Map.of("status", "CLOSED"));
        WebClient.Page closed = coordinator.get("/emergencies/" + id);
        assertThat(closed.body()).contains("Closed", "This emergency has ended").doesNotContain("id=\"status-");
        assertThat(coordinator.get("/emergencies").body()).contains("id=\"recent-emergencies\"", title);
    }

    @Test
    void aMemberSeesOnlyTheirOwnActivations() {
        ApiClient admin = ApiClient.admin(port);
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Жұмылдырылған");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-23");
        ApiClient.Response member = admin.postJson("/api/members", m);
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        long memberId = member.json().get("id").asLong();

        WebClient coordinator = signedIn("EMERGENCY_COORDINATOR", "KZ-23", null, "kk");
        String mine = "Менің тасқыным " + tag;
        String other = "Басқа тасқын " + tag;
        long mineId = declare(coordinator, mine);
        declare(coordinator, other);
        jdbc.sql("""
                        insert into emergency.activation (emergency_id, member_id, org_path, status, ordered_at, ordered_by)
                        values (?, ?, 'KZ-23/', 'ORDERED', ?, 'test')""")
                .params(mineId, memberId, Timestamp.from(Instant.now())).update();

        WebClient phone = signedIn("MEMBER", "KZ-23", memberId, "kk");
        WebClient.Page list = phone.get("/emergencies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Менің жұмылдыруларым", mine, "Бұйрық берілді, жауап әлі жоқ", "Оқу-жаттығу")
                .doesNotContain(other, "href=\"/emergencies/new\"", "id=\"open-emergencies\"", "href=\"/emergencies/" + mineId + "\"");
        // an open call-up links to the member's own check-in page, which answers them
        assertThat(list.body()).contains("href=\"/emergencies/" + mineId + "/checkin\"");
        assertThat(phone.get("/emergencies/" + mineId + "/checkin").status()).isEqualTo(200);
        assertThat(phone.get("/emergencies/" + mineId).status()).isEqualTo(404);
        assertThat(phone.get("/emergencies/new").status()).isEqualTo(403);
        assertThat(phone.get("/").body()).doesNotContain("open-emergencies-tile");

        WebClient stranger = signedIn("MEMBER", "KZ-23", null, "kk");
        assertThat(stranger.get("/emergencies").body()).doesNotContain(mine, other, "Менің жұмылдыруларым");
    }

    @Test
    void theDashboardCountsOpenEmergenciesForWatchers() {
        WebClient coordinator = signedIn("EMERGENCY_COORDINATOR", "KZ-23", null, "en");
        String title = "Dashboard flood " + tag;
        long id = declare(coordinator, title);
        WebClient.Page dashboard = coordinator.get("/");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("open-emergencies-tile", "Open emergencies", "Newest:");
        // the newest open one the coordinator watches is this one, unless another test declared one since
        assertThat(dashboard.body()).containsPattern("href=\"/emergencies/\\d+\"");
        assertThat(coordinator.get("/emergencies").body()).contains("href=\"/emergencies/" + id + "\"");
    }
}
