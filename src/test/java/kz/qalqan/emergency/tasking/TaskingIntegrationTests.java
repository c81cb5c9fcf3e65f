package kz.qalqan.emergency.tasking;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks, teams, shifts under the fatigue rules, check-in/out and the nobody-left-behind report, through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskingIntegrationTests {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    long emergency(ApiClient coordinator) {
        ApiClient.Response r = coordinator.postJson("/api/emergencies", Map.of("title", "Tasking flood " + tag, "type", "FLOOD",
                "severity", "SEVERE", "exercise", true, "area", Map.of("circles",
                        List.of(Map.of("center", Map.of("lat", 43.2389, "lon", 76.8897), "radiusKm", 15)))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long member(ApiClient admin, String lastName) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", lastName);
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("phone", "+7701" + (1000000 + (int) (Math.random() * 8999999)));
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** What the call-up feature does when a member is ordered and answers; tasking only reads these rows. */
    void activate(long emergencyId, long memberId, String status) {
        String orgPath = jdbc.sql("select org_path from registry.member where id = ?").param(memberId).query(String.class).single();
        jdbc.sql("""
                        insert into emergency.activation (emergency_id, member_id, org_path, status, ordered_at, ordered_by, answered_at)
                        values (?, ?, ?, ?, now(), 'test', case when ? = 'ORDERED' then null else now() end)""")
                .params(emergencyId, memberId, orgPath, status, status).update();
    }

    static Map<String, Object> shift(long memberId, Instant start, Instant end) {
        Map<String, Object> s = new HashMap<>();
        s.put("memberId", memberId);
        s.put("startsAt", start.toString());
        s.put("endsAt", end.toString());
        return s;
    }

    List<AuditEntry> audited(String action, String entityId) {
        return audit.search(new AuditQuery(null, null, entityId, action, null, null, 50, null));
    }

    @Test
    void taskTeamThenShiftRefusedForRestAndPlannedWithAuditedOverride() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-75", null);
        ApiClient commander = ApiClient.newUser(port, "COMMANDER", "KZ-75", null);
        long id = emergency(coordinator);
        String base = "/api/emergencies/" + id;
        long a = member(admin, "Тапсырмаұлы");
        long b = member(admin, "Жұмысұлы");
        long declined = member(admin, "Бастартұлы");
        long stranger = member(admin, "Бөгдеұлы");
        activate(id, a, "ACCEPTED");
        activate(id, b, "ORDERED");
        activate(id, declined, "DECLINED");

        // a task: validation names the field; only coordinators plan; watchers read
        ApiClient.Response bad = coordinator.postJson(base + "/tasks", Map.of("type", "EVACUATION", "priority", 7));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("title").contains("priority");
        Map<String, Object> task = Map.of("type", "SANDBAGGING", "title", "Dyke at Esentai " + tag, "priority", 1,
                "lat", 43.22, "lon", 76.93, "location", "Esentai embankment", "stagingPoint", "School No. 12");
        assertThat(commander.postJson(base + "/tasks", task).status()).isEqualTo(403);
        ApiClient.Response planned = coordinator.postJson(base + "/tasks", task);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        long taskId = planned.json().get("id").asLong();
        assertThat(planned.json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.json().get("priority").asInt()).isEqualTo(1);
        JsonNode tasks = commander.get(base + "/tasks").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("title").asString()).isEqualTo("Dyke at Esentai " + tag);

        // a team of activated members only; the task becomes ASSIGNED
        ApiClient.Response withDeclined = coordinator.postJson(base + "/teams", Map.of("name", "Alpha", "memberIds", List.of(a, declined)));
        assertThat(withDeclined.status()).as(withDeclined.toString()).isEqualTo(409);
        assertThat(withDeclined.body()).contains("DECLINED");
        assertThat(coordinator.postJson(base + "/teams", Map.of("name", "Alpha", "memberIds", List.of(a, stranger))).status())
                .isEqualTo(409);
        assertThat(coordinator.postJson(base + "/teams", Map.of("name", "Alpha", "memberIds", List.of(a), "leaderMemberId", b))
                .status()).isEqualTo(400);
        ApiClient.Response team = coordinator.postJson(base + "/teams", Map.of("name", "Alpha", "memberIds", List.of(a, b),
                "leaderMemberId", a, "taskId", taskId));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        long alpha = team.json().get("id").asLong();
        assertThat(team.json().get("members")).hasSize(2);
        assertThat(team.json().get("leaderMemberId").asLong()).isEqualTo(a);
        assertThat(commander.get(base + "/tasks").json().get(0).get("status").asString()).isEqualTo("ASSIGNED");
        // one team at a time: b joins Bravo and leaves Alpha
        long bravo = coordinator.postJson(base + "/teams", Map.of("name", "Bravo")).json().get("id").asLong();
        ApiClient.Response moved = coordinator.postJson(base + "/teams/" + bravo + "/members", Map.of("memberId", b));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode teams = commander.get(base + "/teams").json();
        assertThat(teams).hasSize(2);
        for (JsonNode t : teams) {
            List<Long> ids = new ArrayList<>();
            t.get("members").forEach(m -> ids.add(m.get("memberId").asLong()));
            assertThat(ids).containsExactly(t.get("id").asLong() == alpha ? a : b);
        }

        // task lifecycle: ASSIGNED -> IN_PROGRESS -> DONE; DONE cannot go back
        assertThat(coordinator.postJson(base + "/tasks/" + taskId + "/status", Map.of("status", "DONE")).status()).isEqualTo(409);
        assertThat(coordinator.postJson(base + "/tasks/" + taskId + "/status", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);

        // shifts: 08:00-20:00 tomorrow is fine; 02:00-10:00 the day after leaves 6 h of rest
        LocalDate tomorrow = LocalDate.now(ALMATY).plusDays(1);
        Instant first = tomorrow.atTime(8, 0).atZone(ALMATY).toInstant();
        Map<String, Object> day = shift(a, first, first.plus(12, ChronoUnit.HOURS));
        day.put("taskId", taskId);
        ApiClient.Response ok = coordinator.postJson(base + "/shifts", day);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        Instant early = first.plus(18, ChronoUnit.HOURS);
        Map<String, Object> tooSoon = shift(a, early, early.plus(8, ChronoUnit.HOURS));
        ApiClient.Response refused = coordinator.postJsonIn("kk", base + "/shifts", tooSoon);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        // coded: the refusal and each broken rule with its figures (hours, minutes), said in the reader's language
        assertThat(refused.json().get("code").asString()).isEqualTo("tasking.fatigue.refused");
        assertThat(refused.json().get("detail").asString()).contains("6 сағ; кемінде 10 сағ").doesNotContain("rest 6 h");
        assertThat(refused.json().get("violations").get(0).get("rule").asString()).isEqualTo("MIN_REST");
        assertThat(refused.json().get("violations").get(0).get("code").asString()).isEqualTo("tasking.fatigue.MIN_REST");
        assertThat(refused.json().get("violations").get(0).get("args").toString()).isEqualTo("[6,0,10,0]");
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("tasking.fatigue.MIN_REST");
        assertThat(refused.json().get("violations").get(0).get("actualMinutes").asLong()).isEqualTo(360);
        JsonNode verdict = coordinator.postJson(base + "/shifts/check", tooSoon).json();
        assertThat(verdict.get("allowed").asBoolean()).isFalse();
        assertThat(commander.postJson(base + "/shifts", tooSoon).status()).isEqualTo(403);

        // planned anyway with a reason: stored on the shift and audited as FATIGUE_OVERRIDE
        tooSoon.put("overrideReason", "Only qualified boat operator; dyke breach expected overnight");
        ApiClient.Response overridden = coordinator.postJson(base + "/shifts", tooSoon);
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
        long shiftId = overridden.json().get("id").asLong();
        assertThat(overridden.json().get("overrideReason").asString()).startsWith("Only qualified boat operator");
        List<AuditEntry> overrides = audited("FATIGUE_OVERRIDE", Long.toString(shiftId));
        assertThat(overrides).singleElement().satisfies(e -> {
            assertThat(e.reason()).startsWith("Only qualified boat operator");
            assertThat(e.details()).contains("rest 6 h before this shift; at least 10 h");
        });
        // a shift the rules allow keeps no override reason even if one is sent
        Instant later = first.plus(2, ChronoUnit.DAYS);
        Map<String, Object> rested = shift(b, later, later.plus(10, ChronoUnit.HOURS));
        rested.put("overrideReason", "not needed");
        JsonNode fine = coordinator.postJson(base + "/shifts", rested).json();
        assertThat(fine.get("overrideReason").isNull()).isTrue();
        assertThat(commander.get(base + "/shifts").json()).hasSize(3);
        // a 13 h shift is refused on length
        ApiClient.Response tooLong = coordinator.postJsonIn("kk", base + "/shifts", shift(b, later.plus(3, ChronoUnit.DAYS),
                later.plus(3, ChronoUnit.DAYS).plus(13, ChronoUnit.HOURS)));
        assertThat(tooLong.status()).isEqualTo(409);
        assertThat(tooLong.json().get("violations").get(0).get("code").asString()).isEqualTo("tasking.fatigue.MAX_SHIFT");
        assertThat(tooLong.json().get("violations").get(0).get("args").toString()).isEqualTo("[13,0,12,0]");
        assertThat(tooLong.json().get("detail").asString()).contains("Ауысым 13 сағ; ең көбі 12 сағ.");
    }

    @Test
    void checkInAndOutAndNobodyLeftBehindAtStandDown() throws InterruptedException {
        ApiClient admin = ApiClient.admin(port);
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-75", null);
        long id = emergency(coordinator);
        String base = "/api/emergencies/" + id;
        long a = member(admin, "Келушіұлы");
        long b = member(admin, "Өзіұлы");
        long notCalled = member(admin, "Шақырылмағанұлы");
        activate(id, a, "ACCEPTED");
        activate(id, b, "ACCEPTED");
        ApiClient memberB = ApiClient.newUser(port, "MEMBER", "KZ-75", b);
        ApiClient memberOther = ApiClient.newUser(port, "MEMBER", "KZ-75", notCalled);
        long taskId = coordinator.postJson(base + "/tasks", Map.of("type", "SEARCH_AND_RESCUE", "title", "Search " + tag,
                "stagingPoint", "Fire station 3")).json().get("id").asLong();
        coordinator.postJson(base + "/teams", Map.of("name", "Rescue " + tag, "memberIds", List.of(a), "taskId", taskId));

        // staff check-in sets arrived_at once; the staging point defaults to the team's task
        ApiClient.Response in = coordinator.postJson(base + "/checkins", Map.of("memberId", a));
        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        assertThat(in.json().get("stagingPoint").asString()).isEqualTo("Fire station 3");
        assertThat(coordinator.postJson(base + "/checkins", Map.of("memberId", a)).status()).isEqualTo(409);
        assertThat(coordinator.postJson(base + "/checkins", Map.of("memberId", notCalled)).status()).isEqualTo(409);
        Timestamp arrived = jdbc.sql("select arrived_at from emergency.activation where emergency_id = ? and member_id = ?")
                .params(id, a).query(Timestamp.class).single();
        assertThat(arrived).isNotNull();
        assertThat(audited("CHECK_IN", Long.toString(a))).isNotEmpty();

        // members check themselves in, only to an emergency they are activated for
        assertThat(memberOther.postJson(base + "/checkin/me", Map.of()).status()).isEqualTo(404);
        ApiClient.Response self = memberB.postJson(base + "/checkin/me", Map.of("stagingPoint", "Gate B"));
        assertThat(self.status()).as(self.toString()).isEqualTo(201);
        assertThat(self.json().get("selfReported").asBoolean()).isTrue();
        assertThat(memberB.get(base + "/left-behind").status()).isEqualTo(404);

        // check out and back in: arrived_at keeps the first arrival
        assertThat(coordinator.postJson(base + "/checkouts", Map.of("memberId", a)).status()).isEqualTo(200);
        assertThat(coordinator.postJson(base + "/checkouts", Map.of("memberId", a)).status()).isEqualTo(409);
        assertThat(coordinator.postJson(base + "/checkins", Map.of("memberId", a)).status()).isEqualTo(201);
        assertThat(jdbc.sql("select arrived_at from emergency.activation where emergency_id = ? and member_id = ?")
                .params(id, a).query(Timestamp.class).single()).isEqualTo(arrived);
        assertThat(memberB.postJson(base + "/checkout/me", Map.of()).status()).isEqualTo(200);

        // left-behind on demand: a is still in, with team, task, staging point and contacts
        JsonNode left = coordinator.get(base + "/left-behind").json();
        assertThat(left.get("people")).hasSize(1);
        JsonNode person = left.get("people").get(0);
        assertThat(person.get("memberId").asLong()).isEqualTo(a);
        assertThat(person.get("teamName").asString()).isEqualTo("Rescue " + tag);
        assertThat(person.get("taskTitle").asString()).isEqualTo("Search " + tag);
        assertThat(person.get("phone").asString()).startsWith("+7701");
        assertThat(person.get("fullName").asString()).contains("Келушіұлы");
        assertThat(left.get("standDownAt").isNull()).isTrue();

        // stand-down takes the report (an event listener, after commit)
        assertThat(coordinator.postJson(base + "/status", Map.of("status", "STOOD_DOWN")).status()).isEqualTo(200);
        JsonNode report = left;
        for (int i = 0; i < 100 && report.get("standDownAt").isNull(); i++) {
            Thread.sleep(100);
            report = coordinator.get(base + "/left-behind").json();
        }
        assertThat(report.get("standDownAt").isNull()).as(report.toString()).isFalse();
        assertThat(report.get("atStandDown").asInt()).isEqualTo(1);
        assertThat(audited("LEFT_BEHIND_REPORT", Long.toString(id))).singleElement()
                .satisfies(e -> assertThat(e.details()).endsWith(": 1"));

        // after stand-down nobody checks in, but people still check out
        assertThat(memberB.postJson(base + "/checkin/me", Map.of()).status()).isEqualTo(409);
        assertThat(coordinator.postJson(base + "/checkouts", Map.of("memberId", a)).status()).isEqualTo(200);
        assertThat(coordinator.get(base + "/left-behind").json().get("people")).isEmpty();
    }

    @Test
    void taskBoardPageShowsTheFatigueVerdictAndTheLeftBehind() {
        ApiClient admin = ApiClient.admin(port);
        String username = "tasking-coord-" + tag;
        String password = "tasking-secret-pass-" + tag;
        assertThat(admin.postJson("/api/users", Map.of("username", username, "password", password, "displayName", "Coordinator",
                "language", "en", "grants", List.of(Map.of("role", "EMERGENCY_COORDINATOR", "scope", "KZ-75")))).status()).isEqualTo(201);
        ApiClient coordinator = new ApiClient(port, username, password);
        long id = emergency(coordinator);
        long a = member(admin, "Бетұлы");
        activate(id, a, "ACCEPTED");
        String base = "/api/emergencies/" + id;
        coordinator.postJson(base + "/tasks", Map.of("type", "FIRST_AID", "title", "Aid post " + tag));
        coordinator.postJson(base + "/checkins", Map.of("memberId", a, "stagingPoint", "Aid tent " + tag));
        LocalDate tomorrow = LocalDate.now(ALMATY).plusDays(1);
        Instant first = tomorrow.atTime(8, 0).atZone(ALMATY).toInstant();
        assertThat(coordinator.postJson(base + "/shifts", shift(a, first, first.plus(12, ChronoUnit.HOURS))).status()).isEqualTo(201);

        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page board = web.get("/emergencies/" + id + "/tasks?lang=en");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("Aid post " + tag).contains("Aid tent " + tag).contains("Бетұлы");
        WebClient.Page posted = web.post("/emergencies/" + id + "/shifts", board, Map.of("memberId", Long.toString(a),
                "startsAt", tomorrow.plusDays(1).atTime(2, 0).toString(), "endsAt", tomorrow.plusDays(1).atTime(10, 0).toString()));
        assertThat(posted.status()).isEqualTo(302);
        WebClient.Page after = web.get("/emergencies/" + id + "/tasks?lang=en");
        assertThat(after.body()).contains("The fatigue rules refuse this shift")
                .contains("Rest 6 h between this shift and another; at least 10 h.");
        assertThat(web.get("/emergencies/" + id + "/tasks?lang=kk").body()).contains("Тапсырмалар тақтасы");

        // in Russian: the unreadable latitude and the rules' refusals (no title, no type) at once, no English
        WebClient.Page ruBoard = web.get("/emergencies/" + id + "/tasks?lang=ru");
        assertThat(web.post("/emergencies/" + id + "/tasks", ruBoard, Map.of("title", "", "type", "",
                "lat", "north", "lon", "51.9")).status()).isEqualTo(302);
        String ru = web.get("/emergencies/" + id + "/tasks?lang=ru").body();
        assertThat(ru).contains("Введите число, например 43.25; &quot;north&quot; им не является.",
                "Выберите тип задачи.", "Укажите название не длиннее 200 символов.");
        assertThat(ru).doesNotContain("not a number", "Check the field", "is required", "choose one of");
        // a conflict of the rules said from its code: a member who is not activated cannot be checked in
        WebClient.Page kkBoard = web.get("/emergencies/" + id + "/tasks?lang=kk");
        assertThat(web.post("/emergencies/" + id + "/checkins", kkBoard, Map.of("memberId", "999999999")).status())
                .isEqualTo(302);
        assertThat(web.get("/emergencies/" + id + "/tasks?lang=kk").body())
                .contains("999999999 мүшесі бұл төтенше жағдайға шақырылмаған.").doesNotContain("is not activated");
    }

    @Test
    void memberChecksInAndOutOnTheirOwnPage() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-75", null);
        long id = emergency(coordinator);
        long me = member(admin, "Мобильұлы");
        long other = member(admin, "Басқаұлы");
        activate(id, me, "ACCEPTED");
        String username = "tasking-member-" + tag;
        String password = "tasking-member-pass-" + tag;
        assertThat(admin.postJson("/api/users", Map.of("username", username, "password", password, "displayName", "Member",
                "language", "kk", "memberId", me, "grants", List.of(Map.of("role", "MEMBER", "scope", "KZ-75")))).status()).isEqualTo(201);
        String otherName = "tasking-other-" + tag;
        assertThat(admin.postJson("/api/users", Map.of("username", otherName, "password", password, "displayName", "Other",
                "language", "kk", "memberId", other, "grants", List.of(Map.of("role", "MEMBER", "scope", "KZ-75")))).status()).isEqualTo(201);

        assertThat(new WebClient(port).signIn(otherName, password).get("/emergencies/" + id + "/checkin").status()).isEqualTo(404);
        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page page = web.get("/emergencies/" + id + "/checkin?lang=kk");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tasking flood " + tag).contains("Жиын пунктіне келдім");
        assertThat(web.post("/emergencies/" + id + "/checkin", page, Map.of("action", "in", "stagingPoint", "Bridge")).status())
                .isEqualTo(302);
        JsonNode left = coordinator.get("/api/emergencies/" + id + "/left-behind").json();
        assertThat(left.get("people")).hasSize(1);
        assertThat(left.get("people").get(0).get("stagingPoint").asString()).isEqualTo("Bridge");
        WebClient.Page in = web.get("/emergencies/" + id + "/checkin?lang=en");
        assertThat(in.body()).contains("You checked in at").contains("I am leaving");
        assertThat(web.post("/emergencies/" + id + "/checkin", in, Map.of("action", "out")).status()).isEqualTo(302);
        assertThat(coordinator.get("/api/emergencies/" + id + "/left-behind").json().get("people")).isEmpty();
    }
}
