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
    private static final Role[] RISK_PREPARERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.TRAINING_OFFICER};

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** What an endpoint lets a role do, and on which target. */
    enum Access { PUBLIC, AUTHENTICATED, FILTERED, READERS, WRITERS, CREATORS, SELF, NATIONAL_ADMIN, AUDIT, CSRF_PROTECTED, OWNER, TRAINERS, MEDICS,
        RISK_PREPARERS, RISK_APPROVERS, RISK_CREATORS, EVENT_CREATORS, EVENT_TRAINERS, LINK_MAKERS, INVESTIGATORS, SENDERS,
        COORDINATORS, WATCHERS, EMERGENCY_DECLARERS, EMERGENCY_FORM, ON_BEHALF, ROLL }

    enum Target { NONE, MEMBER, UNIT, REGION, IMPORT, TOKEN, USER, ASSESSMENT, EVENT, INCIDENT, EMERGENCY, SELECTION }

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
                "GET /api/members", "GET /api/units", "GET /api/imports", "GET /api/members/export.csv", "GET /members/export.csv", "GET /account", "GET /api/qualifications",
                "GET /inbox", "GET /inbox/badge");
        // answered from the query, which withQuery supplies; nothing is stored or scoped
        rule(Access.AUTHENTICATED, Target.NONE, "GET /api/safety/risk", "GET /api/safety/heat", "GET /api/safety/windchill");
        // parses a CAP alert (a small valid one, see capAlert) and stores nothing; role rules come with storage
        rule(Access.AUTHENTICATED, Target.NONE, "POST /api/alerts/cap");
        rule(Access.AUTHENTICATED, Target.REGION, "GET /api/regions/{code}/districts", "GET /org/regions/{code}");
        rule(Access.AUTHENTICATED, Target.TOKEN, "DELETE /api/users/me/tokens/{id}");
        rule(Access.READERS, Target.MEMBER, "GET /api/members/{id}", "GET /api/members/{id}/assignments",
                "GET /api/members/{id}/qualifications", "GET /api/members/{id}/medical",
                "GET /members/{id}", "GET /members/{id}/edit", "GET /members/{id}/medical");
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
        rule(Access.CSRF_PROTECTED, Target.MEMBER, "POST /members/{id}", "POST /members/{id}/medical/exams",
                "POST /members/{id}/medical/profiles");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /admin/users", "POST /account/password", "POST /account/tokens",
                "POST /inbox/{messageId}/answer");
        rule(Access.CSRF_PROTECTED, Target.USER, "POST /admin/users/{id}", "POST /admin/users/{id}/password",
                "POST /admin/users/{id}/delete");
        rule(Access.CSRF_PROTECTED, Target.TOKEN, "POST /account/tokens/{id}/revoke");
        // risk assessments: the hazard library and the filtered list for everyone signed in; one assessment, its PDF
        // and its activity's clearance for readers over the unit; preparing, editing, reviewing, submitting and lessons
        // for ADMIN, COMMANDER, SAFETY_OFFICER and TRAINING_OFFICER over it; deciding for COMMANDERs of the echelon
        rule(Access.AUTHENTICATED, Target.NONE, "GET /api/hazards", "GET /api/risk-assessments", "GET /risk-assessments",
                "GET /risk-assessments/new");
        rule(Access.RISK_CREATORS, Target.NONE, "POST /api/risk-assessments");
        // weather of a training event: read by the event's readers, recorded by those who prepare its assessment
        rule(Access.READERS, Target.EVENT, "GET /api/activities/{id}/weather");
        rule(Access.RISK_PREPARERS, Target.EVENT, "POST /api/activities/{id}/weather");
        rule(Access.READERS, Target.EVENT, "GET /training/events/{id}/safety");
        rule(Access.CSRF_PROTECTED, Target.EVENT, "POST /training/events/{id}/weather");
        rule(Access.READERS, Target.ASSESSMENT, "GET /api/risk-assessments/{id}", "GET /api/risk-assessments/{id}.pdf",
                "GET /api/activities/{kind}/{id}/clearance", "GET /risk-assessments/{id}", "GET /risk-assessments/{id}.pdf");
        rule(Access.RISK_PREPARERS, Target.ASSESSMENT, "PUT /api/risk-assessments/{id}", "PUT /api/risk-assessments/{id}/hazards",
                "POST /api/risk-assessments/{id}/submit", "POST /api/risk-assessments/{id}/lessons", "GET /risk-assessments/{id}/edit");
        rule(Access.RISK_APPROVERS, Target.ASSESSMENT, "POST /api/risk-assessments/{id}/approve",
                "POST /api/risk-assessments/{id}/disapprove");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /risk-assessments");
        rule(Access.CSRF_PROTECTED, Target.ASSESSMENT, "POST /risk-assessments/{id}", "POST /risk-assessments/{id}/submit",
                "POST /risk-assessments/{id}/approve", "POST /risk-assessments/{id}/disapprove", "POST /risk-assessments/{id}/lessons");
        // readiness: the overview answers everyone with what their grants cover (nothing for non-readers)
        rule(Access.FILTERED, Target.NONE, "GET /api/readiness");
        rule(Access.READERS, Target.REGION, "GET /api/readiness/regions/{code}");
        rule(Access.READERS, Target.UNIT, "GET /api/units/{id}/readiness", "GET /api/units/{id}/equipment");
        rule(Access.READERS, Target.MEMBER, "GET /api/members/{id}/readiness");
        // individual risk flags (safety): readers over the member or the event; every read audited
        rule(Access.READERS, Target.MEMBER, "GET /api/members/{id}/risk-flags", "GET /members/{id}/risk-flags");
        rule(Access.READERS, Target.EVENT, "GET /api/training/events/{id}/risk-flags");
        // any node, trend and export of the node withQuery names (Almaty)
        rule(Access.READERS, Target.NONE, "GET /api/readiness/node", "GET /api/readiness/trend", "GET /api/readiness/export.csv");
        rule(Access.WRITERS, Target.UNIT, "POST /api/units/{id}/readiness/override", "DELETE /api/units/{id}/readiness/override",
                "PUT /api/units/{id}/equipment");
        // notification: messages of a correlation id, filtered to the caller's scope (the world has one to each city)
        rule(Access.FILTERED, Target.NONE, "GET /api/notifications", "GET /api/notifications/silent",
                "GET /api/notifications/summary", "GET /notifications");
        // queue messages: ADMIN, COMMANDER, EMERGENCY_COORDINATOR; members out of scope are left out
        rule(Access.SENDERS, Target.NONE, "POST /api/notifications");
        // the signed reply link is the permission; the matrix uses a forged one, which is 404 for everyone
        rule(Access.PUBLIC, Target.NONE, "GET /r/{token}", "POST /r/{token}", "GET /api/notifications/replies/{token}",
                "POST /api/notifications/replies/{token}");
        // readiness pages: the board answers everyone with what their grants cover; a node's "why" panel for
        // readers of the node withQuery names (Almaty); the unit page and the member panel for readers in scope
        rule(Access.FILTERED, Target.NONE, "GET /readiness");
        rule(Access.READERS, Target.NONE, "GET /readiness/why");
        rule(Access.READERS, Target.UNIT, "GET /readiness/units/{id}");
        rule(Access.READERS, Target.MEMBER, "GET /members/{id}/readiness");
        rule(Access.CSRF_PROTECTED, Target.UNIT, "POST /readiness/units/{id}/equipment", "POST /readiness/units/{id}/override",
                "POST /readiness/units/{id}/override/clear");
        rule(Access.OWNER, Target.IMPORT, "GET /api/imports/{id}", "GET /imports/{id}", "GET /imports/{id}/status");
        // training: events are read by the register's readers in scope and changed by trainers (a fresh event per
        // change, so 409 is a trainer's answer when the life cycle forbids the step, e.g. completing a planned event)
        rule(Access.AUTHENTICATED, Target.NONE, "GET /api/training/events", "GET /api/training/exposure",
                "GET /api/training/calendar-links", "GET /training", "GET /training/events/new", "GET /training/expiring");
        rule(Access.EVENT_CREATORS, Target.NONE, "POST /api/training/events");
        rule(Access.READERS, Target.EVENT, "GET /api/training/events/{id}", "GET /api/training/events/{id}/enrolments",
                "GET /training/events/{id}", "GET /training/events/{id}/edit");
        rule(Access.EVENT_TRAINERS, Target.EVENT, "PUT /api/training/events/{id}", "POST /api/training/events/{id}/start",
                "POST /api/training/events/{id}/complete", "POST /api/training/events/{id}/cancel",
                "POST /api/training/events/{id}/enrolments", "DELETE /api/training/events/{id}/enrolments/{memberId}",
                "PUT /api/training/events/{id}/attendance/{memberId}");
        rule(Access.READERS, Target.UNIT, "GET /api/units/{id}/calendar.ics", "GET /api/units/{id}/expiring-qualifications",
                "GET /training/expiring.csv");
        rule(Access.READERS, Target.MEMBER, "GET /api/members/{id}/calendar.ics", "GET /api/members/{id}/training-load",
                "GET /members/{id}/training");
        rule(Access.LINK_MAKERS, Target.NONE, "POST /api/training/calendar-links");
        // someone else's (here: nobody's) link is as absent as a missing one
        rule(Access.OWNER, Target.NONE, "DELETE /api/training/calendar-links/{id}");
        // the secret in the path is the credential; a wrong one is 404
        rule(Access.PUBLIC, Target.NONE, "GET /feeds/training/{secret}");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /training/events", "POST /training/calendar-links",
                "POST /training/calendar-links/{id}/revoke");
        rule(Access.CSRF_PROTECTED, Target.EVENT, "POST /training/events/{id}", "POST /training/events/{id}/status",
                "POST /training/events/{id}/enrol", "POST /training/events/{id}/attendance");
        rule(Access.CSRF_PROTECTED, Target.MEMBER, "POST /members/{id}/training/award");
        // incidents: anyone signed in reports; lists and surveillance answer with what the caller may see; an incident
        // is read by the staff roles over it; ADMIN, COMMANDER and SAFETY_OFFICER over it run the workflow
        rule(Access.AUTHENTICATED, Target.NONE, "POST /api/incidents", "GET /incidents", "GET /incidents/new",
                "GET /incidents/surveillance", "GET /incidents/surveillance.csv");
        rule(Access.FILTERED, Target.NONE, "GET /api/incidents", "GET /api/injury-surveillance",
                "GET /api/injury-surveillance/export.csv");
        rule(Access.READERS, Target.INCIDENT, "GET /api/incidents/{id}", "GET /incidents/{id}");
        rule(Access.INVESTIGATORS, Target.INCIDENT, "POST /api/incidents/{id}/investigation", "POST /api/incidents/{id}/actions",
                "POST /api/incidents/{id}/actions/{actionId}/done", "POST /api/incidents/{id}/close");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /incidents");
        rule(Access.CSRF_PROTECTED, Target.INCIDENT, "POST /incidents/{id}/investigation", "POST /incidents/{id}/actions",
                "POST /incidents/{id}/actions/{actionId}/done", "POST /incidents/{id}/close");
        // emergencies: declared and managed by ADMIN and EMERGENCY_COORDINATOR over the area (the Almaty emergency is
        // a circle in Almaty, owned by KZ-75), watched by them, commanders, safety and medical officers; the list
        // answers everyone with what they may watch. Each change in scope gets a fresh emergency.
        rule(Access.FILTERED, Target.NONE, "GET /api/emergencies");
        rule(Access.EMERGENCY_DECLARERS, Target.NONE, "POST /api/emergencies");
        rule(Access.WATCHERS, Target.EMERGENCY, "GET /api/emergencies/{id}");
        rule(Access.COORDINATORS, Target.EMERGENCY, "PUT /api/emergencies/{id}", "POST /api/emergencies/{id}/status");
        // emergency pages (coordinator UI: list, declare form, overview, revise): the list answers everyone signed in
        // with what they may see (a member: their own activations); the declare form is for coordinators, the overview
        // for watchers, the revise form for coordinators over the emergency; the form posts need the CSRF token
        rule(Access.AUTHENTICATED, Target.NONE, "GET /emergencies");
        rule(Access.EMERGENCY_FORM, Target.NONE, "GET /emergencies/new");
        rule(Access.WATCHERS, Target.EMERGENCY, "GET /emergencies/{id}");
        rule(Access.COORDINATORS, Target.EMERGENCY, "GET /emergencies/{id}/edit");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /emergencies");
        rule(Access.CSRF_PROTECTED, Target.EMERGENCY, "POST /emergencies/{id}/status", "POST /emergencies/{id}/edit");
        // emergency tasking and SITREP: coordinators over the area plan tasks, form teams, record check-in/out and shifts
        // (the matrix member is not activated, so those answer 409); watchers read the board, teams, check-ins, shifts,
        // the left-behind list and the SITREP; a member checks in only to an emergency they are activated for (404 for
        // everyone here); the pages' forms need the CSRF token. {taskId}/{teamId}: a fresh task and team (see check).
        rule(Access.WATCHERS, Target.EMERGENCY, "GET /api/emergencies/{id}/tasks", "GET /api/emergencies/{id}/teams",
                "GET /api/emergencies/{id}/checkins", "GET /api/emergencies/{id}/shifts", "GET /api/emergencies/{id}/left-behind",
                "GET /api/emergencies/{id}/sitrep", "GET /api/emergencies/{id}/sitrep.pdf", "GET /emergencies/{id}/tasks",
                "GET /emergencies/{id}/sitrep", "GET /emergencies/{id}/sitrep.pdf");
        rule(Access.COORDINATORS, Target.EMERGENCY, "POST /api/emergencies/{id}/tasks",
                "POST /api/emergencies/{id}/tasks/{taskId}/status", "POST /api/emergencies/{id}/teams",
                "POST /api/emergencies/{id}/teams/{teamId}/members", "POST /api/emergencies/{id}/teams/{teamId}/task",
                "POST /api/emergencies/{id}/checkins", "POST /api/emergencies/{id}/checkouts", "POST /api/emergencies/{id}/shifts",
                "POST /api/emergencies/{id}/shifts/check");
        rule(Access.OWNER, Target.EMERGENCY, "POST /api/emergencies/{id}/checkin/me", "POST /api/emergencies/{id}/checkout/me",
                "GET /emergencies/{id}/checkin");
        rule(Access.CSRF_PROTECTED, Target.EMERGENCY, "POST /emergencies/{id}/tasks", "POST /emergencies/{id}/tasks/{taskId}/status",
                "POST /emergencies/{id}/teams", "POST /emergencies/{id}/checkins", "POST /emergencies/{id}/shifts",
                "POST /emergencies/{id}/checkin");
        // CAP in/out and call-up: coordinators send CAP in (a fresh Actual alert over Almaty each call, see
        // capIngestAlert: 201 for them, 403 for everyone else); watchers read the CAP out, the progress and its page
        rule(Access.EMERGENCY_DECLARERS, Target.NONE, "POST /api/cap");
        rule(Access.WATCHERS, Target.EMERGENCY, "GET /api/emergencies/{id}/cap", "GET /api/emergencies/{id}/callup",
                "GET /emergencies/{id}/callup", "GET /emergencies/{id}/callup/stream");
        // accountability: the roll-up, cases, board, its live part and stream for watchers; asking everyone for
        // coordinators; reports on a member's behalf by coordinators and commanders over the member (the Almaty member
        // is added to the roll by it; safety and medical officers are refused). The matrix's members live outside
        // the area, so their own report, their history and case 0 answer 404 (AccountabilityIntegrationTests covers
        // them). The status-check page behind a link is public (a forged link is 404).
        rule(Access.WATCHERS, Target.EMERGENCY, "GET /api/emergencies/{id}/accountability",
                "GET /api/emergencies/{id}/accountability/cases", "GET /emergencies/{id}/accountability",
                "GET /emergencies/{id}/accountability/live", "GET /emergencies/{id}/accountability/stream");
        rule(Access.COORDINATORS, Target.EMERGENCY, "POST /api/emergencies/{id}/accountability/ask");
        rule(Access.ON_BEHALF, Target.EMERGENCY, "POST /api/emergencies/{id}/accountability/{memberId}");
        rule(Access.ROLL, Target.EMERGENCY, "POST /api/emergencies/{id}/accountability/me",
                "GET /api/emergencies/{id}/accountability/{memberId}", "POST /api/emergencies/{id}/accountability/cases/{caseId}");
        rule(Access.CSRF_PROTECTED, Target.EMERGENCY, "POST /emergencies/{id}/accountability/ask",
                "POST /emergencies/{id}/accountability/report", "POST /emergencies/{id}/accountability/cases/{caseId}");
        rule(Access.PUBLIC, Target.NONE, "GET /a/{token}", "POST /a/{token}");
        // force selection: coordinators over the emergency select, read and confirm (watchers 403, others 404); the
        // matrix selections look around a point where nobody lives, so confirming one answers 409 (nobody to call up)
        rule(Access.COORDINATORS, Target.EMERGENCY, "POST /api/emergencies/{id}/selections",
                "GET /api/emergencies/{id}/selections", "GET /emergencies/{id}/selection");
        rule(Access.COORDINATORS, Target.SELECTION, "GET /api/emergencies/{id}/selections/{sid}",
                "GET /api/emergencies/{id}/selections/{sid}/excluded", "POST /api/emergencies/{id}/selections/{sid}/confirm");
        rule(Access.CSRF_PROTECTED, Target.NONE, "POST /emergencies/{id}/selection",
                "POST /emergencies/{id}/selection/{sid}/confirm");
    }

    /** The world the matrix runs in: one unit and member in each city, users of every role over Almaty. */
    private ApiClient admin;
    private Map<Target, String> inScope;
    private Map<Target, String> outOfScope;
    private List<String> astanaMarkers;
    private long selfMemberId;
    private long almatyUnitId;
    private long almatyMemberId;
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
                if (rule.target() == Target.MEMBER || rule.target() == Target.UNIT || rule.target() == Target.ASSESSMENT
                        || rule.target() == Target.EVENT || rule.target() == Target.INCIDENT || rule.target() == Target.EMERGENCY
                        || rule.target() == Target.SELECTION) {
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
        almatyUnitId = almatyUnit;
        almatyMemberId = almatyMember;
        long almatyEvent = created(admin.postJson("/api/training/events", trainingEvent(almatyUnit, "KZ-75", "Matrix training")));
        long astanaEvent = created(admin.postJson("/api/training/events", trainingEvent(astanaUnit, "KZ-71", "Matrixastana training")));
        assertThat(admin.postJson("/api/training/events/" + astanaEvent + "/enrolments", Map.of("memberId", astanaMember)).status())
                .isEqualTo(201);

        correlation = "mx-" + tag;
        notified = List.of(almatyMember, astanaMember);
        var notice = admin.postJson("/api/notifications", notice("mx-" + tag));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(202);
        correlation = notice.json().get("correlationId").asString(); // as stored, in the admin's own space

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
        inScope.put(Target.ASSESSMENT, Long.toString(created(admin.postJson("/api/risk-assessments", riskAssessment(almatyUnit)))));
        inScope.put(Target.EVENT, Long.toString(almatyEvent));
        outOfScope = new EnumMap<>(Target.class);
        outOfScope.put(Target.MEMBER, Long.toString(astanaMember));
        outOfScope.put(Target.UNIT, Long.toString(astanaUnit));
        outOfScope.put(Target.ASSESSMENT, Long.toString(created(admin.postJson("/api/risk-assessments", riskAssessment(astanaUnit)))));
        admin.postJson("/api/risk-assessments/" + outOfScope.get(Target.ASSESSMENT) + "/submit", Map.of());
        outOfScope.put(Target.EVENT, Long.toString(astanaEvent));
        inScope.put(Target.INCIDENT, Long.toString(incident(almatyUnit)));
        outOfScope.put(Target.INCIDENT, Long.toString(incident(astanaUnit)));
        inScope.put(Target.EMERGENCY, Long.toString(created(admin.postJson("/api/emergencies", emergency(ALMATY)))));
        outOfScope.put(Target.EMERGENCY, Long.toString(created(admin.postJson("/api/emergencies", emergency(ASTANA)))));
        inScope.put(Target.SELECTION, inScope.get(Target.EMERGENCY));
        outOfScope.put(Target.SELECTION, outOfScope.get(Target.EMERGENCY));
        selectionIn = Long.toString(created(admin.postJson("/api/emergencies/" + inScope.get(Target.EMERGENCY) + "/selections",
                emptySelection())));
        selectionOut = Long.toString(created(admin.postJson("/api/emergencies/" + outOfScope.get(Target.EMERGENCY) + "/selections",
                emptySelection())));
    }

    private String selectionIn;
    private String selectionOut;

    /** One person within 1 km of a point in the Gulf of Guinea: nobody is there, so nothing is activated. */
    private static Map<String, Object> emptySelection() {
        return Map.of("count", 1, "radiusKm", 1, "lat", 1.0, "lon", 1.0);
    }

    private static final double[] ALMATY = {43.2389, 76.8897};
    private static final double[] ASTANA = {51.1694, 71.4491};

    /** A flood exercise over a 10 km circle around the city centre (owned by the city's region). */
    private static Map<String, Object> emergency(double[] centre) {
        return Map.of("title", "Matrix flood", "type", "FLOOD", "severity", "SEVERE", "exercise", true,
                "area", Map.of("circles", List.of(Map.of("center", Map.of("lat", centre[0], "lon", centre[1]), "radiusKm", 10))));
    }

    /** An evacuation task in the city centre (emergency tasking). */
    private static Map<String, Object> matrixTask() {
        return Map.of("type", "EVACUATION", "title", "Matrix evacuation", "priority", 1, "lat", ALMATY[0], "lon", ALMATY[1],
                "stagingPoint", "Matrix school");
    }

    private static Map<String, Object> trainingEvent(long unitId, String region, String title) {
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", title);
        e.put("activityType", "CLASSROOM");
        e.put("intensity", "EASY");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plus(java.time.Duration.ofHours(2)).toString());
        e.put("regionCode", region);
        e.put("capacity", 50);
        e.put("awards", List.of("first_aid"));
        return e;
    }

    /** An incident at the unit, reported by the (national) admin. */
    private long incident(long unitId) {
        return created(admin.postJson("/api/incidents", Map.of("kind", "INJURY", "occurredAt", java.time.Instant.now().toString(),
                "unitId", unitId, "description", "Matrix incident", "outcome", "FIRST_AID", "diagnosis", "Matrix diagnosis")));
    }

    private void check(String endpoint, Rule rule, Role role, boolean targetInScope) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        String target = method.equals("DELETE") && targetInScope && (rule.target() == Target.MEMBER || rule.target() == Target.UNIT)
                ? disposable(rule.target())
                : rule.target() == Target.EVENT && targetInScope && !method.equals("GET") && pattern.startsWith("/api/")
                ? Long.toString(created(admin.postJson("/api/training/events", trainingEvent(almatyUnitId, "KZ-75", "Matrix change"))))
                : targetFor(rule.target(), role, targetInScope);
        if (rule.target() == Target.EMERGENCY && targetInScope && !method.equals("GET")) {
            target = Long.toString(created(admin.postJson("/api/emergencies", emergency(ALMATY))));
        }
        if (rule.target() == Target.ASSESSMENT && targetInScope && !method.equals("GET")) {
            target = freshAssessment(pattern); // each change needs an assessment in the state it applies to
        }
        String path = pattern.replace("{id}", target == null ? "0" : target).replace("{code}", target == null ? "KZ-75" : target)
                .replace("{kind}", "OTHER").replace("{memberId}", Long.toString(almatyMemberId)).replace("{secret}", "0")
                .replace("{token}", "1.4102444800.forgedsignatureAAAAAAAAA").replace("{caseId}", "0").replace("{messageId}", "0")
                .replace("{sid}", targetInScope ? selectionIn : selectionOut);
        if (pattern.contains("{taskId}") || pattern.contains("{teamId}")) {
            // emergency tasking: a fresh task and team of the target emergency, made by the (national) admin
            path = path.replace("{taskId}", Long.toString(created(admin.postJson("/api/emergencies/" + target + "/tasks", matrixTask()))))
                    .replace("{teamId}", Long.toString(created(admin.postJson("/api/emergencies/" + target + "/teams",
                            Map.of("name", "Matrix team")))));
        }
        if (pattern.equals("/api/training/events/{id}/enrolments/{memberId}") && targetInScope) {
            admin.postJson("/api/training/events/" + target + "/enrolments", Map.of("memberId", almatyMemberId));
        }
        if (pattern.contains("{qid}")) {
            // a qualification of the target member, awarded by the admin, for the DELETE to revoke
            var awarded = admin.postJson("/api/members/" + target + "/qualifications", qualificationAward());
            path = path.replace("{qid}", Long.toString(created(awarded)));
        }
        if (pattern.contains("{actionId}")) {
            if (targetInScope) {
                // a fresh incident under investigation with one open action, for the step to complete
                String fresh = Long.toString(incident(Long.parseLong(inScope.get(Target.UNIT))));
                admin.postJson("/api/incidents/" + fresh + "/investigation", Map.of());
                var withAction = admin.postJson("/api/incidents/" + fresh + "/actions", Map.of("description", "Matrix action",
                        "owner", "Matrix owner", "dueOn", today()));
                path = pattern.replace("{id}", fresh).replace("{actionId}",
                        withAction.json().get("actions").get(0).get("id").asString());
            } else {
                path = path.replace("{actionId}", "1");
            }
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
                        : pattern.equals("/api/cap")
                        ? api.post(path, "application/cap+xml", capIngestAlert())
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

    /** A CAP 1.2 Alert never seen before: a flood exercise over a 10 km circle in Almaty (owned by KZ-75). */
    private static byte[] capIngestAlert() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                + "<identifier>QQ-MATRIX-" + UUID.randomUUID() + "</identifier><sender>matrix@qalqan.kz</sender>"
                + "<sent>2026-01-31T10:15:00+05:00</sent><status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>"
                + "<info><category>Geo</category><event>Flood</event><urgency>Immediate</urgency><severity>Severe</severity>"
                + "<certainty>Observed</certainty><headline>Matrix flood</headline><area><areaDesc>Almaty</areaDesc>"
                + "<circle>43.2389,76.8897 10</circle></area></info></alert>").getBytes(StandardCharsets.UTF_8);
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
        if (path.equals("/training/expiring.csv")) {
            return path + "?days=30&unit=" + (inScope ? this.inScope.get(Target.UNIT) : outOfScope.get(Target.UNIT));
        }
        if (path.equals("/api/training/exposure")) {
            return path + "?from=2026-01&to=2027-12";
        }
        if (path.matches("/emergencies/\\d+/accountability/stream")) {
            return path + "?once=true"; // the current counter, then the stream ends
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
            case "/api/readiness/node", "/api/readiness/trend", "/api/readiness/export.csv", "/readiness/why" -> path + "?node=KZ-75";
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
            case MEMBER, UNIT, ASSESSMENT, EVENT, INCIDENT, EMERGENCY, SELECTION -> {
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
            case EVENT_CREATORS -> trainer ? Set.of(201) : reader && role != Role.MEMBER ? Set.of(403) : Set.of(400);
            case EVENT_TRAINERS -> !targetInScope ? Set.of(404)
                    : trainer ? Set.of(200, 201, 204, 409) : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            case LINK_MAKERS -> reader && role != Role.MEMBER ? Set.of(201) : Set.of(404);
            case SENDERS -> List.of(Role.ADMIN, Role.COMMANDER, Role.EMERGENCY_COORDINATOR).contains(role)
                    ? Set.of(202) : Set.of(403);
            case MEDICS -> !targetInScope ? Set.of(404)
                    : role == Role.MEDICAL_OFFICER ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            case RISK_CREATORS -> List.of(RISK_PREPARERS).contains(role) ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(400);
            case RISK_PREPARERS -> !targetInScope ? Set.of(404)
                    : List.of(RISK_PREPARERS).contains(role) ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            // a COMMANDER over the region (KZ-75) is the region's TO commander: enough for the LOW test assessment
            case RISK_APPROVERS -> !targetInScope ? Set.of(404)
                    : role == Role.COMMANDER ? ok : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            // a step the incident's state does not allow (the shared incident is closed early) answers 409
            case INVESTIGATORS -> !targetInScope ? Set.of(404)
                    : List.of(Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER).contains(role) ? union(ok, Set.of(409))
                    : reader && role != Role.MEMBER ? Set.of(403) : Set.of(404);
            case EMERGENCY_DECLARERS -> List.of(Role.ADMIN, Role.EMERGENCY_COORDINATOR).contains(role) ? Set.of(201) : Set.of(403);
            case COORDINATORS -> !targetInScope ? Set.of(404)
                    : List.of(Role.ADMIN, Role.EMERGENCY_COORDINATOR).contains(role) ? union(ok, Set.of(409))
                    : EMERGENCY_WATCHERS.contains(role) ? Set.of(403) : Set.of(404);
            case ON_BEHALF -> !targetInScope ? Set.of(404)
                    : List.of(Role.ADMIN, Role.EMERGENCY_COORDINATOR, Role.COMMANDER).contains(role) ? ok
                    : EMERGENCY_WATCHERS.contains(role) ? Set.of(403) : Set.of(404);
            case ROLL -> Set.of(404);
            case WATCHERS -> !targetInScope ? Set.of(404) : EMERGENCY_WATCHERS.contains(role) ? Set.of(200) : Set.of(404);
            case EMERGENCY_FORM -> List.of(Role.ADMIN, Role.EMERGENCY_COORDINATOR).contains(role) ? Set.of(200) : Set.of(403);
        };
    }

    private static final List<Role> EMERGENCY_WATCHERS = List.of(Role.ADMIN, Role.EMERGENCY_COORDINATOR, Role.COMMANDER,
            Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER);

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
            case "/api/training/events", "/api/training/events/{id}" -> trainingEvent(almatyUnitId, "KZ-75", "Matrix body");
            case "/api/training/events/{id}/enrolments" -> Map.of("memberId", almatyMemberId);
            case "/api/activities/{id}/weather" -> Map.of("day", java.time.LocalDate.now(kz.qalqan.training.Qualifications.KAZAKHSTAN)
                    .plusDays(3).toString(), "wbgtC", 29.0);
            case "/api/training/events/{id}/attendance/{memberId}" -> Map.of("attendance", "PRESENT", "sessionRpe", 5);
            case "/api/training/calendar-links" -> Map.of("kind", "UNIT", "targetId", almatyUnitId);
            // the matrix unit has nothing measured, so only C4 may be declared
            case "/api/units/{id}/readiness/override" -> Map.of("level", 4, "reason", "Matrix: vehicles away for repair");
            case "/api/units/{id}/equipment" -> Map.of("lines", List.of(Map.of("type", "HELMET", "authorised", 10,
                    "onHand", 9, "serviceable", 8, "nextInspectionDue", today())));
            case "/api/members/{id}/medical/exams" -> Map.of("examinedOn", today(), "result", "FIT",
                    "diagnosis", "Matrix diagnosis", "examiner", "Dr Matrix");
            case "/api/members/{id}/medical/profiles" -> Map.of("restrictions", List.of("NO_LOAD_OVER_KG"), "maxLoadKg", 20,
                    "reason", "Matrix reason", "startsOn", today(), "endsOn", today());
            case "/api/risk-assessments", "/api/risk-assessments/{id}" -> riskAssessment(Long.parseLong(inScope.get(Target.UNIT)));
            case "/api/risk-assessments/{id}/hazards" -> Map.of("hazards", List.of(riskHazard()));
            case "/api/risk-assessments/{id}/disapprove" -> Map.of("reason", "Matrix reason");
            case "/api/risk-assessments/{id}/lessons" -> Map.of("lessonsLearned", "Matrix lessons");
            case "/api/incidents" -> Map.of("kind", "NEAR_MISS", "occurredAt", java.time.Instant.now().toString(),
                    "regionCode", "KZ-75", "place", "Matrix range", "description", "Matrix near miss");
            case "/api/incidents/{id}/actions" -> Map.of("description", "Matrix action", "owner", "Matrix owner", "dueOn", today());
            case "/api/incidents/{id}/close" -> Map.of("review", "Matrix review");
            case "/api/emergencies", "/api/emergencies/{id}" -> emergency(ALMATY);
            case "/api/emergencies/{id}/status" -> Map.of("status", "STOOD_DOWN");
            case "/api/emergencies/{id}/tasks" -> matrixTask();
            case "/api/emergencies/{id}/tasks/{taskId}/status" -> Map.of("status", "ASSIGNED");
            case "/api/emergencies/{id}/teams" -> Map.of("name", "Matrix team");
            case "/api/emergencies/{id}/teams/{teamId}/members", "/api/emergencies/{id}/checkins", "/api/emergencies/{id}/checkouts"
                    -> Map.of("memberId", almatyMemberId);
            case "/api/emergencies/{id}/shifts", "/api/emergencies/{id}/shifts/check" -> Map.of("memberId", almatyMemberId,
                    "startsAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString(),
                    "endsAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).plus(java.time.Duration.ofHours(8)).toString());
            case "/api/emergencies/{id}/accountability/{memberId}", "/api/emergencies/{id}/accountability/me" ->
                    Map.of("status", "SAFE", "note", "Matrix report");
            case "/api/emergencies/{id}/accountability/cases/{caseId}" -> Map.of("status", "IN_PROGRESS");
            case "/api/emergencies/{id}/selections" -> emptySelection();
            case "/api/users/me/password" -> Map.of("currentPassword", "not-my-password-at-all", "newPassword", "another-secret-pass-99");
            case "/api/users/{id}/password" -> Map.of("password", "reset-secret-pass-1234");
            case "/api/users", "/api/users/{id}" -> Map.of("username", "mx-new-" + UUID.randomUUID().toString().substring(0, 6),
                    "password", "new-user-secret-pass", "displayName", "New", "language", "kk", "status", "ACTIVE",
                    "grants", List.of(Map.of("role", "ADMIN", "scope", "KZ")));
            default -> Map.of();
        };
    }

    /** A LOW-risk road march of the unit, prepared by the admin, starting today. */
    private static Map<String, Object> riskAssessment(long unitId) {
        Map<String, Object> m = new HashMap<>();
        m.put("activityKind", "OTHER");
        m.put("title", "Matrix march");
        m.put("unitId", unitId);
        m.put("activityType", "ROAD_MARCH");
        m.put("workIntensity", "MODERATE");
        m.put("beginsOn", today());
        m.put("endsOn", today());
        m.put("supervisionPlan", "Matrix supervision");
        m.put("hazards", List.of(riskHazard()));
        return m;
    }

    private static Map<String, Object> riskHazard() {
        return Map.of("hazardCode", "RM-03", "probability", "B", "severity", "III", "residualProbability", "D",
                "residualSeverity", "IV", "controls", List.of(Map.of("control", "Sock change", "how", "At halts", "who", "Squad leaders")));
    }

    /** A fresh Almaty assessment: SUBMITTED for the decisions, a DRAFT for everything else. */
    private String freshAssessment(String pattern) {
        String id = Long.toString(created(admin.postJson("/api/risk-assessments", riskAssessment(Long.parseLong(inScope.get(Target.UNIT))))));
        if (pattern.endsWith("/approve") || pattern.endsWith("/disapprove")) {
            assertThat(admin.postJson("/api/risk-assessments/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        }
        return id;
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
