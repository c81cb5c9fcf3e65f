package kz.qalqan.emergency.selection;

import kz.qalqan.emergency.FatigueRules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final FatigueRules FATIGUE = new FatigueRules(Duration.ofHours(12), Duration.ofHours(10), Duration.ofHours(60));

    static Candidate fit(List<String> quals, List<LocalDate> expiry, boolean limited, List<Candidate.Profile> profiles) {
        return new Candidate(1, "KZ-75/", true, "Test", "Member", 43.2, 76.9, 5L, "PLATOON", "Unit", List.of(), null,
                quals, expiry, TODAY.minusDays(30), TODAY.plusDays(300), limited, profiles);
    }

    static SelectionPolicy.Context context(List<String> asked, boolean all, Map<Long, List<SelectionPolicy.Shift>> shifts) {
        return new SelectionPolicy.Context(TODAY, NOW, FATIGUE, asked, all, Set.of(), Set.of(), Map.of(), shifts, Set.of());
    }

    static List<String> codes(SelectionPolicy.Verdict v) {
        return v.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void restNeedsTenHoursSinceTheLastShiftAndLessThanSixtyHoursInSevenDays() {
        Candidate c = fit(List.of(), List.of(), false, List.of());
        SelectionPolicy.Shift ended9h = new SelectionPolicy.Shift(NOW.minus(Duration.ofHours(17)), NOW.minus(Duration.ofHours(9)));
        SelectionPolicy.Shift ended10h = new SelectionPolicy.Shift(NOW.minus(Duration.ofHours(18)), NOW.minus(Duration.ofHours(10)));
        SelectionPolicy.Shift now = new SelectionPolicy.Shift(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
        assertThat(codes(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, List.of(ended9h)))))).containsExactly("rest");
        assertThat(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, List.of(ended9h)))).reasons().get(0).args())
                .containsExactly("9", "10");
        assertThat(codes(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, List.of(ended10h)))))).isEmpty();
        assertThat(codes(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, List.of(now)))))).containsExactly("onShift");
        // five 12-hour shifts in the week = 60 h: no hours left; four = 48 h: fine
        List<SelectionPolicy.Shift> five = new java.util.ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            Instant end = NOW.minus(Duration.ofHours(24L * d - 11));
            five.add(new SelectionPolicy.Shift(end.minus(Duration.ofHours(12)), end));
        }
        assertThat(codes(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, five))))).containsExactly("week");
        assertThat(codes(SelectionPolicy.evaluate(c, context(List.of(), true, Map.of(1L, five.subList(0, 4)))))).isEmpty();
    }

    @Test
    void fieldRestrictionsExcludeOthersOnlyLimit() {
        Candidate.Profile load = new Candidate.Profile(List.of("NO_LOAD_OVER_KG"), 10, TODAY.minusDays(1), TODAY.plusDays(5));
        Candidate.Profile weapons = new Candidate.Profile(List.of("NO_WEAPONS", "NO_NIGHT_DRIVING"), null, TODAY, TODAY);
        Candidate.Profile ended = new Candidate.Profile(List.of("NO_RUNNING"), null, TODAY.minusDays(9), TODAY.minusDays(1));
        SelectionPolicy.Verdict v = SelectionPolicy.evaluate(fit(List.of(), List.of(), false, List.of(load)), context(List.of(), true, Map.of()));
        assertThat(codes(v)).containsExactly("profile.NO_LOAD_OVER_KG");
        assertThat(v.reasons().get(0).args()).containsExactly("10", TODAY.plusDays(5).toString());
        SelectionPolicy.Verdict limited = SelectionPolicy.evaluate(fit(List.of(), List.of(), false, List.of(weapons)),
                context(List.of(), true, Map.of()));
        assertThat(limited.eligible()).isTrue();
        assertThat(limited.readiness()).isEqualTo("READY_LIMITED");
        SelectionPolicy.Verdict past = SelectionPolicy.evaluate(fit(List.of(), List.of(), false, List.of(ended)),
                context(List.of(), true, Map.of()));
        assertThat(past.eligible()).isTrue();
        assertThat(past.readiness()).isEqualTo("READY");
    }

    @Test
    void allNeedsEveryAskedQualificationValidAnyNeedsOne() {
        Candidate c = fit(List.of("driver_c", "first_aid"), List.of(TODAY.plusDays(1), TODAY), false, List.of());
        // first_aid runs out today (expiry is the first day no longer valid)
        SelectionPolicy.Verdict all = SelectionPolicy.evaluate(c, context(List.of("first_aid", "driver_c"), true, Map.of()));
        assertThat(codes(all)).containsExactly("qualificationExpired");
        SelectionPolicy.Verdict any = SelectionPolicy.evaluate(c, context(List.of("first_aid", "driver_c"), false, Map.of()));
        assertThat(any.eligible()).isTrue();
        assertThat(any.skillsMatched()).isEqualTo(1);
    }

    @Test
    void medicalWindowDecidesFitness() {
        Candidate never = new Candidate(1, "KZ-75/", true, "T", "M", 0, 0, null, null, null, List.of(), null, List.of(),
                List.of(), null, null, false, List.of());
        assertThat(codes(SelectionPolicy.evaluate(never, context(List.of(), true, Map.of())))).containsExactly("unfit");
        Candidate later = new Candidate(1, "KZ-75/", true, "T", "M", 0, 0, null, null, null, List.of(), null, List.of(),
                List.of(), TODAY.plusDays(3), TODAY.plusDays(300), false, List.of());
        assertThat(codes(SelectionPolicy.evaluate(later, context(List.of(), true, Map.of())))).containsExactly("unfitUntil");
        Candidate lapsed = new Candidate(1, "KZ-75/", true, "T", "M", 0, 0, null, null, null, List.of(), null, List.of(),
                List.of(), TODAY.minusDays(400), TODAY, false, List.of());
        assertThat(codes(SelectionPolicy.evaluate(lapsed, context(List.of(), true, Map.of())))).containsExactly("examExpired");
    }
}
