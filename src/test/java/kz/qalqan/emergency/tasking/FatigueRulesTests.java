package kz.qalqan.emergency.tasking;

import kz.qalqan.emergency.FatigueRules;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fatigue rules of DOMAIN.md §10 at their boundaries: shift ≤ 12 h, rest ≥ 10 h, ≤ 60 h in any 7 days. */
class FatigueRulesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneId.of("Asia/Almaty"));
    private static final Instant T0 = CLOCK.instant();

    private final FatigueCheck check = new FatigueCheck(new FatigueRules(Duration.ofHours(12), Duration.ofHours(10),
            Duration.ofHours(60)));

    private static FatigueCheck.Span span(Duration fromT0, Duration length) {
        Instant start = T0.plus(fromT0);
        return new FatigueCheck.Span(start, start.plus(length));
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    private List<FatigueViolation.Rule> rules(List<FatigueCheck.Span> existing, FatigueCheck.Span planned) {
        return check.check(existing, planned).stream().map(FatigueViolation::rule).toList();
    }

    @Test
    void shiftOfExactlyTwelveHoursIsAllowed() {
        assertThat(check.check(List.of(), span(h(0), h(12)))).isEmpty();
    }

    @Test
    void shiftOfTwelveHoursAndOneMinuteIsRefusedWithTheFigures() {
        List<FatigueViolation> v = check.check(List.of(), span(h(0), h(12).plusMinutes(1)));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(FatigueViolation.Rule.MAX_SHIFT);
            assertThat(x.message()).isEqualTo("shift 12 h 1 min; at most 12 h");
            assertThat(x.actualMinutes()).isEqualTo(721);
            assertThat(x.limitMinutes()).isEqualTo(720);
        });
    }

    @Test
    void restOfExactlyTenHoursBeforeIsAllowed() {
        // 08:00-20:00, then 06:00-18:00 the next day: 10 h apart
        assertThat(check.check(List.of(span(h(0), h(12))), span(h(22), h(12)))).isEmpty();
    }

    @Test
    void restOfNineHoursFiftyNineMinutesBeforeIsRefused() {
        List<FatigueViolation> v = check.check(List.of(span(h(0), h(12))), span(h(22).minusMinutes(1), h(8)));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(FatigueViolation.Rule.MIN_REST);
            assertThat(x.message()).isEqualTo("rest 9 h 59 min before this shift; at least 10 h");
        });
    }

    @Test
    void restOfSixHoursNamesTheFigures() {
        List<FatigueViolation> v = check.check(List.of(span(h(0), h(8))), span(h(14), h(8)));
        assertThat(v).extracting(FatigueViolation::message).containsExactly("rest 6 h before this shift; at least 10 h");
    }

    @Test
    void restAfterThePlannedShiftCountsToo() {
        // the existing shift starts 9 h after the planned one ends
        assertThat(rules(List.of(span(h(30), h(8))), span(h(13), h(8)))).containsExactly(FatigueViolation.Rule.MIN_REST);
        assertThat(check.check(List.of(span(h(31), h(8))), span(h(13), h(8)))).isEmpty();
        assertThat(check.check(List.of(span(h(30), h(8))), span(h(13), h(8))).get(0).message())
                .isEqualTo("rest 9 h after this shift before the next; at least 10 h");
    }

    @Test
    void overlappingShiftIsRefused() {
        assertThat(rules(List.of(span(h(0), h(8))), span(h(6), h(8)))).containsExactly(FatigueViolation.Rule.OVERLAP);
    }

    @Test
    void restBeforeTheNearestEarlierShiftIsTheOneThatCounts() {
        // shifts at day 0 and day 1 (08:00-16:00); planning day 1 22:00 leaves 6 h after the nearer one
        List<FatigueCheck.Span> existing = List.of(span(h(0), h(8)), span(h(24), h(8)));
        assertThat(check.check(existing, span(h(38), h(6)))).extracting(FatigueViolation::message)
                .containsExactly("rest 6 h before this shift; at least 10 h");
    }

    /** Five 12-h shifts a day apart (60 h) in a week; {@code planned} is checked against them. */
    private static List<FatigueCheck.Span> fiveTwelves() {
        List<FatigueCheck.Span> shifts = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            shifts.add(span(h(24L * d), h(12)));
        }
        return shifts;
    }

    @Test
    void sixtyHoursInSevenDaysIsAllowed() {
        List<FatigueCheck.Span> four = fiveTwelves().subList(0, 4);
        assertThat(check.check(four, span(h(24L * 4), h(12)))).isEmpty();
    }

    @Test
    void oneMinuteMoreThanSixtyHoursInSevenDaysIsRefused() {
        List<FatigueViolation> v = check.check(fiveTwelves(), span(h(24L * 5), Duration.ofMinutes(1)));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(FatigueViolation.Rule.MAX_WEEK);
            assertThat(x.message()).isEqualTo("60 h 1 min in 7 days; at most 60 h");
        });
    }

    @Test
    void theSevenDayWindowRolls() {
        // 60 h on days 0-4; a shift starting exactly 7 days after the first one began drops day 0 from the window
        List<FatigueCheck.Span> five = fiveTwelves();
        assertThat(rules(five, span(h(24L * 6), h(12)))).containsExactly(FatigueViolation.Rule.MAX_WEEK);
        assertThat(check.check(five, span(h(24L * 7), h(12)))).isEmpty();
        // one minute earlier the window from day 0 still holds 60 h + 1 min
        assertThat(rules(five, span(h(24L * 7).minusMinutes(1), h(12)))).containsExactly(FatigueViolation.Rule.MAX_WEEK);
    }

    @Test
    void theWindowAlsoLooksForwardFromThePlannedShift() {
        // 49 h of later shifts within 7 days of the planned one: 11 h planned makes 60 h, 12 h makes 61 h
        List<FatigueCheck.Span> later = List.of(span(h(24), h(12)), span(h(48), h(12)), span(h(72), h(12)),
                span(h(96), h(12)), span(h(120), h(1)));
        assertThat(check.check(later, span(h(0), h(11)))).isEmpty();
        assertThat(check.check(later, span(h(0), h(12)))).extracting(FatigueViolation::message)
                .containsExactly("61 h in 7 days; at most 60 h");
    }

    @Test
    void limitsComeFromTheConfiguration() {
        FatigueCheck strict = new FatigueCheck(new FatigueRules(Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(40)));
        assertThat(strict.check(List.of(), span(h(0), h(9)))).extracting(FatigueViolation::message)
                .containsExactly("shift 9 h; at most 8 h");
        assertThat(strict.check(List.of(span(h(0), h(8))), span(h(19), h(8)))).extracting(FatigueViolation::message)
                .containsExactly("rest 11 h before this shift; at least 12 h");
    }

    @Test
    void hoursAreWrittenInWords() {
        assertThat(FatigueViolation.hours(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(FatigueViolation.hours(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(FatigueViolation.hours(Duration.ofMinutes(721))).isEqualTo("12 h 1 min");
    }
}
