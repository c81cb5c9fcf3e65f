package kz.qalqan.training.internal;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;
import kz.qalqan.training.AttendanceCommand;
import kz.qalqan.training.AttendanceStatus;
import kz.qalqan.training.EventCommand;
import kz.qalqan.training.EventStatus;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import kz.qalqan.training.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTests {

    private static final Instant START = Instant.parse("2026-12-01T04:00:00Z");
    private static final Set<String> CATALOGUE = Set.of("first_aid", "rescuer");

    private static EventCommand command(Instant start, Instant end, Integer capacity, List<String> awards) {
        return new EventCommand(1L, "Drill", "ROAD_MARCH", "hard", start, end, "KZ-75", 43.2, 76.9, "Range", null,
                capacity, awards);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAWellFormedEvent() {
        assertThat(EventRules.check(command(START, START.plusSeconds(3600), 10, List.of("first_aid")), CATALOGUE, true)).isEmpty();
    }

    @Test
    void namesEveryWrongField() {
        EventCommand c = new EventCommand(null, " ", "PARADE", "extreme", START, START, "KZ-99", 91.0, null, null, null,
                0, List.of("juggling"));
        assertThat(fields(EventRules.check(c, CATALOGUE, false))).containsExactlyInAnyOrder("unitId", "title",
                "activityType", "intensity", "endsAt", "regionCode", "lon", "lat", "capacity", "awards");
    }

    @Test
    void anEventLastsAtMostFourteenDays() {
        assertThat(EventRules.check(command(START, START.plusSeconds(14 * 86400), 5, null), CATALOGUE, true)).isEmpty();
        assertThat(fields(EventRules.check(command(START, START.plusSeconds(14 * 86400 + 1), 5, null), CATALOGUE, true)))
                .containsExactly("endsAt");
    }

    @Test
    void presentMemberDefaultsToTheEventLength() {
        var outcome = (EventRules.Accepted) EventRules.check(new AttendanceCommand("present", null, 7, "pass"), 95);
        assertThat(outcome.attendance()).isEqualTo(new EventRules.CheckedAttendance(AttendanceStatus.PRESENT, 95, 7,
                TrainingResult.PASS));
    }

    @Test
    void absentMemberCannotPassNorRateTheSession() {
        var outcome = (EventRules.Rejected) EventRules.check(new AttendanceCommand("ABSENT", null, 5, "PASS"), 60);
        assertThat(fields(outcome.problems())).containsExactlyInAnyOrder("result", "sessionRpe");
        var excused = (EventRules.Accepted) EventRules.check(new AttendanceCommand("EXCUSED", 30, null, null), 60);
        assertThat(excused.attendance().durationMinutes()).isNull();
        assertThat(excused.attendance().result()).isEqualTo(TrainingResult.NONE);
    }

    @Test
    void rpeIsZeroToTen() {
        assertThat(EventRules.check(new AttendanceCommand("PRESENT", 60, 0, null), 60)).isInstanceOf(EventRules.Accepted.class);
        assertThat(EventRules.check(new AttendanceCommand("PRESENT", 60, 10, null), 60)).isInstanceOf(EventRules.Accepted.class);
        assertThat(fields(((EventRules.Rejected) EventRules.check(new AttendanceCommand("PRESENT", 60, 11, null), 60)).problems()))
                .containsExactly("sessionRpe");
        assertThat(fields(((EventRules.Rejected) EventRules.check(new AttendanceCommand("PRESENT", 60, -1, null), 60)).problems()))
                .containsExactly("sessionRpe");
        assertThat(fields(((EventRules.Rejected) EventRules.check(new AttendanceCommand(null, 60, 5, "maybe"), 60)).problems()))
                .containsExactlyInAnyOrder("attendance", "result");
    }

    private static TrainingEvent event(EventStatus status, Instant start, Instant end) {
        return new TrainingEvent(1, 2, "U", "KZ-75/u2/", "Drill", ActivityType.ROAD_MARCH, WorkIntensity.HARD, start, end,
                "KZ-75", null, null, null, null, 10, List.of(), status, 0, 0, "x", START, START);
    }

    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void onlyAPlannedActivityStartsAndOnlyAStartedOrCompletedOneTakesAttendance(EventStatus status) {
        StartPolicy policy = new StartPolicy(List.of());
        TrainingEvent e = event(status, START, START.plusSeconds(3600));
        assertThat(policy.start(e) instanceof StartPolicy.Allowed).isEqualTo(status == EventStatus.PLANNED);
        assertThat(policy.recordAttendance(e) instanceof StartPolicy.Allowed)
                .isEqualTo(status == EventStatus.STARTED || status == EventStatus.COMPLETED);
        if (policy.start(e) instanceof StartPolicy.Refused refused) {
            assertThat(refused.reasons().get(0)).isEqualTo(FieldProblem.of("status", "training.start.notPlanned", status.name()));
        }
    }

    @Test
    void aRefusedClearanceStopsTheStartAndTheAttendanceWithItsReason() {
        FieldProblem notCleared = FieldProblem.of("status", "safety.detail.notCleared");
        StartPolicy policy = new StartPolicy(List.of(e -> e.id() == 1 ? java.util.Optional.of(notCleared)
                : java.util.Optional.empty()));
        TrainingEvent planned = event(EventStatus.PLANNED, START, START.plusSeconds(3600));
        TrainingEvent started = event(EventStatus.STARTED, START, START.plusSeconds(3600));
        assertThat(policy.start(planned)).isEqualTo(new StartPolicy.Refused(List.of(notCleared)));
        assertThat(policy.recordAttendance(started)).isEqualTo(new StartPolicy.Refused(List.of(notCleared)));
    }

    @Test
    void personDaysCountKazakhstanCalendarDays() {
        // 10:00–12:00 Almaty (UTC+5): one day
        assertThat(TrainingEvents.personDays(event(EventStatus.COMPLETED, Instant.parse("2026-12-01T05:00:00Z"),
                Instant.parse("2026-12-01T07:00:00Z")))).isEqualTo(1);
        // 22:00 to 06:00 next morning Almaty: two days
        assertThat(TrainingEvents.personDays(event(EventStatus.COMPLETED, Instant.parse("2026-12-01T17:00:00Z"),
                Instant.parse("2026-12-02T01:00:00Z")))).isEqualTo(2);
        // a three-day exercise ending at midnight Almaty: three days, not four
        assertThat(TrainingEvents.personDays(event(EventStatus.COMPLETED, Instant.parse("2026-11-30T19:00:00Z"),
                Instant.parse("2026-12-03T19:00:00Z")))).isEqualTo(3);
    }
}
