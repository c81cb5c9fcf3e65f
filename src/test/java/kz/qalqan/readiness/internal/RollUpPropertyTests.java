package kz.qalqan.readiness.internal;

import kz.qalqan.readiness.Counts;
import kz.qalqan.readiness.Measure;
import kz.qalqan.support.Properties;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up of any set of units (adding their counts, as the district, region and national nodes do)
 * equals the readiness of one merged unit holding all their positions and equipment lines: same counts,
 * same shares, same P/T/S/R and C-levels.
 */
class RollUpPropertyTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    private static final List<String> CODES = List.of("first_aid", "driver_c", "radio_operator", "rescuer", "fitness_test");

    record Unit(List<UnitCounter.PositionInput> positions, List<UnitCounter.Line> lines) {
    }

    @Test
    void rollUpOfUnitsEqualsTheMergedUnit() {
        Properties.forAll(500, Properties.defaultSeed(), random -> {
            int n = Properties.between(random, 1, 6);
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                units.add(unit(random));
            }
            return units;
        }, units -> {
            Counts rolledUp = units.stream().map(u -> UnitCounter.count(u.positions(), u.lines(), DAY))
                    .reduce(Counts.ZERO, Counts::plus);
            List<UnitCounter.PositionInput> positions = new ArrayList<>();
            List<UnitCounter.Line> lines = new ArrayList<>();
            units.forEach(u -> {
                positions.addAll(u.positions());
                lines.addAll(u.lines());
            });
            Counts merged = UnitCounter.count(positions, lines, DAY);
            assertThat(rolledUp).isEqualTo(merged);
            assertThat(rolledUp.level()).isEqualTo(merged.level());
            for (var pair : List.of(List.of(rolledUp.p(), merged.p()), List.of(rolledUp.t(), merged.t()),
                    List.of(rolledUp.s(), merged.s()), List.of(rolledUp.r(), merged.r()))) {
                Measure a = pair.get(0);
                Measure b = pair.get(1);
                assertThat(a.level()).isEqualTo(b.level());
                assertThat(a.percent()).isEqualTo(b.percent());
            }
            // P of the roll-up is the units' P shares weighted by authorised strength
            long strength = units.stream().mapToLong(u -> u.positions().size()).sum();
            if (strength > 0) {
                double weighted = units.stream().mapToDouble(u -> {
                    Counts c = UnitCounter.count(u.positions(), u.lines(), DAY);
                    return c.authorised() == 0 ? 0 : (double) c.ready() / c.authorised() * c.authorised();
                }).sum() / strength;
                assertThat(weighted).isCloseTo((double) merged.ready() / merged.authorised(), org.assertj.core.data.Offset.offset(1e-9));
            }
        });
    }

    private static Unit unit(SplittableRandom random) {
        List<UnitCounter.PositionInput> positions = new ArrayList<>();
        int count = Properties.between(random, 0, 12);
        for (int i = 0; i < count; i++) {
            List<String> required = new ArrayList<>();
            for (String code : CODES) {
                if (random.nextInt(3) == 0) {
                    required.add(code);
                }
            }
            List<UnitCounter.Holder> holders = new ArrayList<>();
            int h = Properties.between(random, 0, 2);
            for (int k = 0; k < h; k++) {
                holders.add(holder(random));
            }
            positions.add(new UnitCounter.PositionInput(required, random.nextBoolean() ? "FIT" : "FIT_LIMITED", holders));
        }
        List<UnitCounter.Line> lines = new ArrayList<>();
        int l = Properties.between(random, 0, 6);
        for (int i = 0; i < l; i++) {
            int authorised = Properties.between(random, 0, 40);
            int onHand = Properties.between(random, 0, 50);
            int serviceable = Properties.between(random, 0, onHand);
            lines.add(new UnitCounter.Line(authorised, onHand, serviceable,
                    random.nextInt(4) == 0 ? null : DAY.plusDays(Properties.between(random, -30, 30))));
        }
        return new Unit(positions, lines);
    }

    private static UnitCounter.Holder holder(SplittableRandom random) {
        LocalDate from = random.nextInt(5) == 0 ? null : DAY.minusDays(Properties.between(random, -10, 400));
        LocalDate until = from == null ? null : from.plusMonths(12);
        Map<String, LocalDate> held = new HashMap<>();
        for (String code : CODES) {
            if (random.nextInt(4) != 0) {
                held.put(code, random.nextInt(4) == 0 ? null : DAY.plusDays(Properties.between(random, -60, 60)));
            }
        }
        List<LocalDate[]> limitations = random.nextInt(4) == 0
                ? List.<LocalDate[]>of(new LocalDate[]{DAY.minusDays(5), DAY.plusDays(Properties.between(random, -6, 5))})
                : List.of();
        return new UnitCounter.Holder(random.nextInt(6) != 0, from, until, random.nextInt(5) == 0, limitations, held);
    }
}
