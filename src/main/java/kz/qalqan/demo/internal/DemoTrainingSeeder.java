package kz.qalqan.demo.internal;

import kz.qalqan.demo.DemoForce;
import kz.qalqan.platform.security.ActingAs;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.MemberSummary;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.safety.HazardLibrary;
import kz.qalqan.safety.RiskAssessmentCommand;
import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import kz.qalqan.training.AttendanceCommand;
import kz.qalqan.training.EventCommand;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeds a small, realistic training history for the demo force once members exist and no training event
 * does: for a few units in Almaty and Astana, weekly sessions over the last three weeks (started, attendance
 * with session RPE, completed; the first-aid class awards first aid on a pass) and two sessions ahead.
 * Runs in the background once the application is ready (after the demo members were imported): about a
 * hundred attendance records, so readiness is not delayed at all. Everything goes through the training
 * module's API, so it is audited like real work.
 */
@Component
class DemoTrainingSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoTrainingSeeder.class);
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final int UNITS_PER_REGION = 2;
    private static final int PEOPLE_PER_EVENT = 6;

    private record Plan(String title, String activity, String intensity, int hour, int minutes, List<String> awards) {
    }

    private static final List<Plan> WEEK = List.of(
            new Plan("Дене шынықтыру: 5 км жүгіру", "PHYSICAL_TRAINING", "HARD", 7, 90, List.of()),
            new Plan("Алғашқы медициналық көмек", "CLASSROOM", "EASY", 10, 240, List.of("first_aid")),
            new Plan("Жаяу марш 15 км", "ROAD_MARCH", "MODERATE", 8, 300, List.of()));

    private final TrainingEvents events;
    private final RiskAssessments assessments;
    private final HazardLibrary hazardLibrary;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final Environment env;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DemoTrainingSeeder(TrainingEvents events, RiskAssessments assessments, HazardLibrary hazardLibrary,
                       MemberDirectory members, OrgStructure org, Environment env, Clock clock,
                       PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.assessments = assessments;
        this.hazardLibrary = hazardLibrary;
        this.members = members;
        this.org = org;
        this.env = env;
        this.clock = clock;
    }

    /**
     * In the background, so that the application reports ready without waiting for it; one transaction, so
     * the history appears all at once (and one commit instead of several hundred).
     */
    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Thread worker = new Thread(() -> {
            try {
                transaction.executeWithoutResult(status -> seedAll());
            } catch (RuntimeException e) {
                log.error("Demo training could not be seeded", e);
            }
        }, "demo-training-seed");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The unit's safety officer prepares the risk assessment from the hazard library, each hazard brought down
     * to LOW by its suggested controls, and the national commander approves it: past demo events ran cleared.
     */
    private void clear(TrainingEvent event, Plan plan, LocalDate day) {
        ActivityType type = ActivityType.valueOf(plan.activity());
        List<RiskAssessmentCommand.HazardCommand> hazards = hazardLibrary.forActivity(type).stream()
                .map(h -> new RiskAssessmentCommand.HazardCommand(null, h.code(), null, h.probability().name(),
                        h.severity().name(), h.controlsKk().stream()
                        .map(c -> new RiskAssessmentCommand.ControlCommand(c, "Сабақ алдында", "Нұсқаушы")).toList(),
                        "E", "IV"))
                .toList();
        long id = ActingAs.call(new Caller("demo-safety-officer", null, List.of(new Grant(Role.SAFETY_OFFICER, ""))), () -> {
            long created = assessments.create(new RiskAssessmentCommand("TRAINING_EVENT", event.id(), plan.title(),
                    event.unitId(), plan.activity(), plan.intensity(), day, day, "Қауіпсіздік офицері",
                    "Нұсқаушы бүкіл сабақ бойы қадағалайды", null, hazards)).id();
            assessments.submit(created);
            return created;
        });
        ActingAs.call(new Caller("demo-commander", null, List.of(new Grant(Role.COMMANDER, ""))),
                () -> assessments.approve(id));
    }

    private void seedAll() {
        if (!env.getProperty("qalqan.demo", Boolean.class, true) || env.getProperty("qalqan.cli", Boolean.class, false)
                || !events.search(new kz.qalqan.training.EventSearch(null, false, null, null, null)).isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(2026);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ALMATY);
        int created = 0;
        int attendances = 0;
        for (String region : List.of("KZ-75", "KZ-71")) {
            List<String> codes = DemoForce.standard().leafUnitCodes(region);
            for (String code : codes.subList(0, Math.min(UNITS_PER_REGION, codes.size()))) {
                Optional<Unit> unit = org.unitByCode(code);
                if (unit.isEmpty()) {
                    continue;
                }
                List<MemberSummary> people = members.search(new MemberSearch(null, null, unit.get().id(), false,
                        MemberStatus.ACTIVE, null, PEOPLE_PER_EVENT, null)).items();
                if (people.isEmpty()) {
                    continue;
                }
                for (int week = -3; week <= 1; week++) {
                    Plan plan = WEEK.get(Math.floorMod(week, WEEK.size()));
                    LocalDate day = today.plusWeeks(week).minusDays(week <= 0 ? 1 : 0);
                    Instant start = day.atTime(LocalTime.of(plan.hour(), 0)).atZone(ALMATY).toInstant();
                    if (week == 0 && !start.plusSeconds(plan.minutes() * 60L).isBefore(clock.instant())) {
                        day = today.minusDays(2);
                        start = day.atTime(LocalTime.of(plan.hour(), 0)).atZone(ALMATY).toInstant();
                    }
                    Instant end = start.plusSeconds(plan.minutes() * 60L);
                    TrainingEvent event = events.create(new EventCommand(unit.get().id(), plan.title(), plan.activity(),
                            plan.intensity(), start, end, region, unit.get().lat(), unit.get().lon(), unit.get().name(),
                            null, 20, plan.awards()), "demo");
                    created++;
                    List<MemberSummary> enrolled = new java.util.ArrayList<>();
                    for (MemberSummary m : people) {
                        // a profile that forbids the activity leaves the member out, as a trainer would; other
                        // risk flags the demo trainer confirms (audited) — no exception inside the one transaction
                        if (events.screen(event.id(), m.id()).refusals().isEmpty()) {
                            events.enrol(event.id(), m.id(), true, "demo");
                            enrolled.add(m);
                        }
                    }
                    if (end.isBefore(clock.instant())) {
                        clear(event, plan, day);
                        events.start(event.id());
                        for (MemberSummary m : enrolled) {
                            boolean present = random.nextInt(10) < 8;
                            int rpe = switch (plan.intensity()) {
                                case "HARD" -> 6 + random.nextInt(4);
                                case "MODERATE" -> 4 + random.nextInt(3);
                                default -> 2 + random.nextInt(2);
                            };
                            events.recordAttendance(event.id(), m.id(), new AttendanceCommand(
                                    present ? "PRESENT" : (random.nextBoolean() ? "EXCUSED" : "ABSENT"),
                                    present ? plan.minutes() : null, present ? rpe : null,
                                    present && !plan.awards().isEmpty() ? "PASS" : "NONE"), "demo");
                            attendances++;
                        }
                        events.complete(event.id());
                    }
                }
            }
        }
        log.info("Demo training: {} events, {} attendance records in {} ms", created, attendances,
                (System.nanoTime() - started) / 1_000_000);
    }
}
