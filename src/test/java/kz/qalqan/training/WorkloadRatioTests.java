package kz.qalqan.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The ACWR computation. EWMA per Williams S, West S, Cross MJ, Stokes KA. "Better way to determine the
 * acute:chronic workload ratio?" Br J Sports Med 2017;51:209–210: EWMA_today = load_today · λ + (1 − λ) ·
 * EWMA_yesterday, λ = 2/(N+1) with N = 7 (acute) and 28 (chronic), seeded with the first day's load as in
 * the EWMA function of the CRAN package ACWR (Lorenzo-Lorenzo et al.). The worked example below is that
 * recurrence done by hand with exact fractions; the rolling figures are the plain 7- and 28-day means.
 */
class WorkloadRatioTests {

    private static final LocalDate D1 = LocalDate.of(2026, 1, 1);

    @Test
    void lambdasAreTwoOverNPlusOne() {
        assertThat(WorkloadRatio.lambda(7)).isEqualTo(0.25);
        assertThat(WorkloadRatio.lambda(28)).isCloseTo(2.0 / 29, within(1e-15));
    }

    @Test
    void ewmaWorkedExampleThreeDays() {
        // loads 100, 0 (rest day), 200
        Map<LocalDate, Long> loads = Map.of(D1, 100L, D1.plusDays(2), 200L);
        List<WorkloadRatio.Day> days = WorkloadRatio.series(loads, D1, D1.plusDays(2), WorkloadRatio.Method.EWMA);
        assertThat(days).hasSize(3);
        // day 1: the seed
        assertThat(days.get(0).acute()).isEqualTo(100.0);
        assertThat(days.get(0).chronic()).isEqualTo(100.0);
        assertThat(days.get(0).ratio()).isEqualTo(1.0);
        // day 2: acute 0.75 · 100 = 75; chronic 27/29 · 100 = 93.1034…
        assertThat(days.get(1).acute()).isCloseTo(75.0, within(1e-9));
        assertThat(days.get(1).chronic()).isCloseTo(2700.0 / 29, within(1e-9));
        assertThat(days.get(1).ratio()).isCloseTo(75.0 / (2700.0 / 29), within(1e-9));
        // day 3: acute 0.25 · 200 + 0.75 · 75 = 106.25; chronic 400/29 + (27/29)² · 100 = 84500/841 = 100.4756…
        assertThat(days.get(2).acute()).isCloseTo(106.25, within(1e-9));
        assertThat(days.get(2).chronic()).isCloseTo(84500.0 / 841, within(1e-9));
        assertThat(days.get(2).ratio()).isCloseTo(1.05747, within(1e-5));
        assertThat(days.get(2).flag()).isEqualTo(AcwrFlag.SWEET_SPOT);
        assertThat(days.get(2).load()).isEqualTo(200);
    }

    @Test
    void constantLoadKeepsTheRatioAtOne() {
        Map<LocalDate, Long> loads = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            loads.put(D1.plusDays(i), 300L);
        }
        WorkloadRatio.Day day = WorkloadRatio.on(loads, D1.plusDays(59), WorkloadRatio.Method.EWMA);
        assertThat(day.acute()).isCloseTo(300, within(1e-9));
        assertThat(day.chronic()).isCloseTo(300, within(1e-9));
        assertThat(day.ratio()).isCloseTo(1.0, within(1e-12));
        assertThat(day.flag()).isEqualTo(AcwrFlag.SWEET_SPOT);
    }

    @Test
    void rollingAveragesOfASpikeAfterSteadyWeeks() {
        // 21 days of 350 then 7 days of 700: acute 700, chronic (21·350 + 7·700)/28 = 437.5, ratio 1.6
        Map<LocalDate, Long> loads = new HashMap<>();
        for (int i = 0; i < 28; i++) {
            loads.put(D1.plusDays(i), i < 21 ? 350L : 700L);
        }
        WorkloadRatio.Day day = WorkloadRatio.on(loads, D1.plusDays(27), WorkloadRatio.Method.ROLLING);
        assertThat(day.acute()).isEqualTo(700.0);
        assertThat(day.chronic()).isEqualTo(437.5);
        assertThat(day.ratio()).isCloseTo(1.6, within(1e-12));
        assertThat(day.flag()).isEqualTo(AcwrFlag.DANGER);
        // the exponentially weighted version of the same weeks reacts less to the first spike days
        WorkloadRatio.Day ewma = WorkloadRatio.on(loads, D1.plusDays(27), WorkloadRatio.Method.EWMA);
        assertThat(ewma.ratio()).isCloseTo(1.33935, within(1e-5));
        assertThat(ewma.flag()).isEqualTo(AcwrFlag.CAUTION);
    }

    @Test
    void noDataGivesNoRatioAndNoFlag() {
        WorkloadRatio.Day day = WorkloadRatio.on(Map.of(), D1, WorkloadRatio.Method.EWMA);
        assertThat(day.ratio()).isNull();
        assertThat(day.flag()).isNull();
        assertThat(WorkloadRatio.on(Map.of(), D1, WorkloadRatio.Method.ROLLING).flag()).isNull();
    }

    @Test
    void dataOlderThanTheChronicWindowGivesNoFlag() {
        Map<LocalDate, Long> loads = Map.of(D1, 500L);
        assertThat(WorkloadRatio.on(loads, D1.plusDays(27), WorkloadRatio.Method.EWMA).flag()).isNotNull();
        assertThat(WorkloadRatio.on(loads, D1.plusDays(28), WorkloadRatio.Method.EWMA).flag()).isNull();
        assertThat(WorkloadRatio.on(loads, D1.plusDays(28), WorkloadRatio.Method.ROLLING).flag()).isNull();
    }

    @Test
    void zeroRatedSessionsGiveNoRatio() {
        Map<LocalDate, Long> loads = Map.of(D1, 0L);
        assertThat(WorkloadRatio.on(loads, D1, WorkloadRatio.Method.EWMA).ratio()).isNull();
    }

    @Test
    void daysBeforeTheWindowFeedTheAverages() {
        Map<LocalDate, Long> loads = Map.of(D1, 100L, D1.plusDays(2), 200L);
        WorkloadRatio.Day only = WorkloadRatio.series(loads, D1.plusDays(2), D1.plusDays(2), WorkloadRatio.Method.EWMA).get(0);
        assertThat(only.acute()).isCloseTo(106.25, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"0.0,UNDER", "0.5,UNDER", "0.7999,UNDER", "0.8,SWEET_SPOT", "1.0,SWEET_SPOT", "1.3,SWEET_SPOT",
            "1.3001,CAUTION", "1.4,CAUTION", "1.4999,CAUTION", "1.5,DANGER", "2.0,DANGER", "10,DANGER"})
    void flagBoundaries(double ratio, AcwrFlag flag) {
        assertThat(AcwrFlag.of(ratio)).isEqualTo(flag);
    }

    @Test
    void aNegativeOrMissingRatioIsNotAFlag() {
        assertThatThrownBy(() -> AcwrFlag.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcwrFlag.of(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
