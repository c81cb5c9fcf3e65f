package kz.qalqan.training;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.RiskClearances;
import kz.qalqan.support.TestIins;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingEventsIntegrationTests {

    static final List<AttendanceRecorded> RECORDED = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Events {
        @Bean
        Object attendanceCollector() {
            return new Object() {
                @EventListener
                void on(AttendanceRecorded e) {
                    RECORDED.add(e);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    long unit(ApiClient admin, String region, Long parent) {
        Map<String, Object> u = new HashMap<>();
        u.put("code", "TR-" + UUID.randomUUID().toString().substring(0, 8));
        u.put("name", "Оқу взводы");
        u.put("type", "PLATOON");
        u.put("regionCode", region);
        u.put("parentId", parent);
        return created(admin.postJson("/api/units", u));
    }

    long member(ApiClient admin, String region, long unitId, String lastName) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", lastName);
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        m.put("unitId", unitId);
        return created(admin.postJson("/api/members", m));
    }

    ApiClient user(ApiClient admin, String role, String scope, Long memberId) {
        return ApiClient.newUser(port, role, scope, memberId);
    }

    Map<String, Object> event(long unitId, Instant start, Instant end, int capacity, List<String> awards) {
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Алғашқы көмек сабағы " + tag);
        e.put("activityType", "CLASSROOM");
        e.put("intensity", "EASY");
        e.put("startsAt", start.toString());
        e.put("endsAt", end.toString());
        e.put("regionCode", "KZ-75");
        e.put("lat", 43.2389);
        e.put("lon", 76.8897);
        e.put("placeName", "Оқу орталығы");
        e.put("capacity", capacity);
        e.put("awards", awards);
        return e;
    }

    static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static VEvent find(Calendar calendar, long eventId) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(v -> v.getUid().orElseThrow().getValue().startsWith("training-event-" + eventId + "@"))
                .findFirst().orElse(null);
    }

    @Test
    void eventLifeCycleEnrolmentAttendanceAwardsLoadFeedsAndExposure() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin, "KZ-75", null);
        long a = member(admin, "KZ-75", unitId, "Оқушыұлы");
        long b = member(admin, "KZ-75", unitId, "Екіншіұлы");
        long c = member(admin, "KZ-75", unitId, "Үшіншіұлы");
        ApiClient trainer = user(admin, "TRAINING_OFFICER", "KZ-75", null);
        ApiClient safety = user(admin, "SAFETY_OFFICER", "KZ-75", null);
        ApiClient stranger = user(admin, "TRAINING_OFFICER", "KZ-71", null);
        ApiClient memberA = user(admin, "MEMBER", "KZ-75", a);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = now.minus(3, ChronoUnit.HOURS);
        Instant end = now.minus(90, ChronoUnit.MINUTES);
        java.time.ZoneId almaty = java.time.ZoneId.of("Asia/Almaty");
        if (!start.atZone(almaty).toLocalDate().equals(end.atZone(almaty).toLocalDate())) {
            // a session across midnight in Kazakhstan counts two person-days: keep this one inside one day
            start = start.minus(2, ChronoUnit.HOURS);
            end = end.minus(2, ChronoUnit.HOURS);
        }

        ApiClient.Response bad = trainer.postJson("/api/training/events", event(unitId, start, start.minusSeconds(60), 0,
                List.of("no_such_code")));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("endsAt", "capacity", "awards");
        assertThat(safety.postJson("/api/training/events", event(unitId, start, end, 2, List.of())).status()).isEqualTo(403);
        assertThat(stranger.postJson("/api/training/events", event(unitId, start, end, 2, List.of())).status()).isEqualTo(400);

        long id = created(trainer.postJson("/api/training/events", event(unitId, start, end, 2, List.of("first_aid", "water_rescue"))));
        String base = "/api/training/events/" + id;
        JsonNode ev = trainer.get(base).json();
        assertThat(ev.get("status").asString()).isEqualTo("PLANNED");
        assertThat(ev.get("unitId").asLong()).isEqualTo(unitId);
        assertThat(safety.get(base).status()).isEqualTo(200);
        assertThat(safety.postJson(base + "/start", Map.of()).status()).isEqualTo(403);
        assertThat(stranger.get(base).status()).isEqualTo(404);
        assertThat(stranger.postJson(base + "/enrolments", Map.of("memberId", a)).status()).isEqualTo(404);
        assertThat(memberA.get(base).status()).isEqualTo(404);

        assertThat(trainer.postJson(base + "/enrolments", Map.of("memberId", a)).status()).isEqualTo(201);
        assertThat(trainer.postJson(base + "/enrolments", Map.of("memberId", a)).status()).isEqualTo(409);
        assertThat(trainer.postJson(base + "/enrolments", Map.of("memberId", b)).status()).isEqualTo(201);
        ApiClient.Response full = trainer.postJson(base + "/enrolments", Map.of("memberId", c));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body()).contains("full");
        assertThat(trainer.get(base).json().get("enrolled").asInt()).isEqualTo(2);

        Map<String, Object> present = Map.of("attendance", "PRESENT", "durationMinutes", 90, "sessionRpe", 6, "result", "PASS");
        ApiClient.Response early = trainer.putJson(base + "/attendance/" + a, present);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("started");

        ApiClient.Response unapproved = trainer.postJson(base + "/start", Map.of());
        assertThat(unapproved.status()).as("no risk assessment yet").isEqualTo(409);
        assertThat(unapproved.body()).contains("Бұл іс-шараға тәуекелді бағалау дайындалмаған.");
        RiskClearances.approve(port, id, unitId);
        assertThat(trainer.postJson(base + "/start", Map.of()).json().get("status").asString()).isEqualTo("STARTED");
        assertThat(trainer.postJson(base + "/start", Map.of()).status()).isEqualTo(409);

        ApiClient.Response badRpe = trainer.putJson(base + "/attendance/" + a, Map.of("attendance", "PRESENT", "sessionRpe", 11));
        assertThat(badRpe.status()).isEqualTo(400);
        assertThat(badRpe.body()).contains("sessionRpe");
        assertThat(trainer.putJson(base + "/attendance/" + c, present).status()).isEqualTo(404);

        RECORDED.clear();
        ApiClient.Response recorded = trainer.putJson(base + "/attendance/" + a, present);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        JsonNode outcome = recorded.json();
        assertThat(outcome.get("enrolment").get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(outcome.get("enrolment").get("sessionRpe").asInt()).isEqualTo(6);
        assertThat(outcome.get("awarded").toString()).contains("first_aid").doesNotContain("water_rescue");
        assertThat(outcome.get("refused").get(0).get("code").asString()).isEqualTo("water_rescue");
        assertThat(outcome.get("refused").get(0).get("reasons").toString()).contains("rescuer");
        JsonNode held = admin.get("/api/members/" + a + "/qualifications").json();
        assertThat(held.toString()).contains("first_aid", "training-event:" + id);

        // correcting the attendance does not award twice
        assertThat(trainer.putJson(base + "/attendance/" + a, present).json().get("awarded")).isEmpty();
        assertThat(trainer.putJson(base + "/attendance/" + b, Map.of("attendance", "ABSENT")).status()).isEqualTo(200);

        LocalDate day = LocalDate.ofInstant(start, Qualifications.KAZAKHSTAN);
        assertThat(RECORDED).filteredOn(e -> e.eventId() == id && e.memberId() == a).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.present()).isTrue();
                    assertThat(e.load()).isEqualTo(540);
                    assertThat(e.personDays()).isEqualTo(1);
                    assertThat(e.day()).isEqualTo(day);
                    assertThat(e.unitId()).isEqualTo(unitId);
                    assertThat(e.activityType()).isEqualTo(kz.qalqan.shared.ActivityType.CLASSROOM);
                });
        assertThat(RECORDED).filteredOn(e -> e.eventId() == id && e.memberId() == b).singleElement()
                .satisfies(e -> {
                    assertThat(e.present()).isFalse();
                    assertThat(e.personDays()).isZero();
                    assertThat(e.load()).isZero();
                });
        List<AuditEntry> trail = audit.search(new AuditQuery(null, "member", Long.toString(a), "TRAINING_ATTENDANCE",
                null, null, 10, null));
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).details()).contains("event " + id, "RPE 6");

        JsonNode load = trainer.get("/api/members/" + a + "/training-load?days=7").json();
        assertThat(load.get("method").asString()).isEqualTo("EWMA");
        long total = 0;
        for (JsonNode d : load.get("days")) {
            total += d.get("load").asLong();
        }
        assertThat(total).isEqualTo(540);
        assertThat(load.get("flag").isNull()).isFalse();
        JsonNode noLoad = trainer.get("/api/members/" + c + "/training-load").json();
        assertThat(noLoad.get("flag").isNull()).isTrue();
        assertThat(noLoad.get("ratio").isNull()).isTrue();
        assertThat(stranger.get("/api/members/" + a + "/training-load").status()).isEqualTo(404);
        assertThat(trainer.get("/api/members/" + a + "/training-load?method=magic").status()).isEqualTo(400);

        // a second event, cancelled: the feed marks it so
        long cancelled = created(trainer.postJson("/api/training/events",
                event(unitId, now.plus(2, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 5, List.of())));
        assertThat(trainer.postJson("/api/training/events/" + cancelled + "/cancel", Map.of()).json().get("status").asString())
                .isEqualTo("CANCELLED");

        ApiClient.Response feed = safety.get("/api/units/" + unitId + "/calendar.ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = parse(feed.body());
        VEvent first = find(calendar, id);
        assertThat(first).isNotNull();
        assertThat(first.getSummary().getValue()).isEqualTo("Алғашқы көмек сабағы " + tag);
        assertThat(first.getDateTimeStart().getValue()).isEqualTo(start.toString().replace("-", "").replace(":", "").replace(".000", ""));
        assertThat(first.getDateTimeEnd().getValue()).endsWith("Z");
        assertThat(first.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(first.getLocation().getValue()).contains("Оқу орталығы");
        assertThat(first.getGeographicPos().getLatitude().doubleValue()).isEqualTo(43.2389);
        assertThat(first.getProperty("DTSTAMP")).isPresent();
        VEvent second = find(calendar, cancelled);
        assertThat(second.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(second.getSequence().getSequenceNo()).isGreaterThanOrEqualTo(1);
        assertThat(stranger.get("/api/units/" + unitId + "/calendar.ics").status()).isEqualTo(404);

        // the member's own feed: enrolled events only, for themselves
        ApiClient.Response own = memberA.get("/api/members/" + a + "/calendar.ics");
        assertThat(own.status()).isEqualTo(200);
        Calendar mine = parse(own.body());
        assertThat(find(mine, id)).isNotNull();
        assertThat(find(mine, cancelled)).isNull();
        assertThat(memberA.get("/api/members/" + b + "/calendar.ics").status()).isEqualTo(404);

        // a secret link for a calendar app, then revoked
        ApiClient.Response link = memberA.postJson("/api/training/calendar-links", Map.of("kind", "MEMBER", "targetId", a));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String path = link.json().get("path").asString();
        ApiClient.Response viaLink = ApiClient.anonymous(port).get(path);
        assertThat(viaLink.status()).isEqualTo(200);
        assertThat(find(parse(viaLink.body()), id)).isNotNull();
        assertThat(ApiClient.anonymous(port).get("/feeds/training/not-a-real-secret-at-all-000").status()).isEqualTo(404);
        assertThat(memberA.postJson("/api/training/calendar-links", Map.of("kind", "MEMBER", "targetId", b)).status()).isEqualTo(404);
        assertThat(memberA.get("/api/training/calendar-links").body()).doesNotContain(path.substring(path.lastIndexOf('/') + 1));
        assertThat(memberA.delete("/api/training/calendar-links/" + link.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(404);

        // exposure: one person-day of classroom training this month in this unit
        YearMonth month = YearMonth.from(day);
        JsonNode exposure = trainer.get("/api/training/exposure?unit=" + unitId + "&from=" + month + "&to=" + month).json();
        assertThat(exposure).hasSize(1);
        assertThat(exposure.get(0).get("activityType").asString()).isEqualTo("CLASSROOM");
        assertThat(exposure.get(0).get("personDays").asLong()).isEqualTo(1);
        assertThat(stranger.get("/api/training/exposure?unit=" + unitId + "&from=" + month + "&to=" + month).status()).isEqualTo(404);

        assertThat(trainer.postJson(base + "/complete", Map.of()).json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(trainer.putJson(base, event(unitId, start, end, 2, List.of())).status()).isEqualTo(409);
    }

    @Test
    void expiringQualificationsOfAUnitAndItsSubunits() {
        ApiClient admin = ApiClient.admin(port);
        LocalDate today = LocalDate.now(Qualifications.KAZAKHSTAN);
        long parent = unit(admin, "KZ-75", null);
        long child = unit(admin, "KZ-75", parent);
        long p = member(admin, "KZ-75", parent, "Жоғарыұлы");
        long q = member(admin, "KZ-75", child, "Төменгіұлы");
        award(admin, p, "fitness_test", today.minusDays(300), today.plusDays(20));
        award(admin, q, "radio_operator", today.minusDays(300), today.plusDays(50));
        award(admin, q, "land_navigation", today.minusDays(300), today.plusDays(200));

        JsonNode in30 = admin.get("/api/units/" + parent + "/expiring-qualifications?days=30").json();
        assertThat(in30).hasSize(1);
        assertThat(in30.get(0).get("memberId").asLong()).isEqualTo(p);
        assertThat(in30.get(0).get("code").asString()).isEqualTo("fitness_test");
        assertThat(in30.get(0).get("daysLeft").asLong()).isEqualTo(19);
        JsonNode in60 = admin.get("/api/units/" + parent + "/expiring-qualifications?days=60").json();
        assertThat(in60).extracting(n -> n.get("code").asString()).containsExactly("fitness_test", "radio_operator");
        assertThat(admin.get("/api/units/" + parent + "/expiring-qualifications?days=60&sub=false").json()).hasSize(1);
        assertThat(admin.get("/api/units/" + parent + "/expiring-qualifications?days=90").json()).hasSize(2);
        // renewed: the old award no longer counts as expiring
        award(admin, p, "fitness_test", today, null);
        assertThat(admin.get("/api/units/" + parent + "/expiring-qualifications?days=30").json()).isEmpty();
        ApiClient.Response bad = admin.get("/api/units/" + parent + "/expiring-qualifications?days=45");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("days");
        ApiClient stranger = user(admin, "TRAINING_OFFICER", "KZ-71", null);
        assertThat(stranger.get("/api/units/" + parent + "/expiring-qualifications?days=30").status()).isEqualTo(404);
    }

    void award(ApiClient admin, long memberId, String code, LocalDate awardedOn, LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "awardedOn", awardedOn.toString(), "evidence", "Protocol " + tag));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        ApiClient.Response r = admin.postJson("/api/members/" + memberId + "/qualifications", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
