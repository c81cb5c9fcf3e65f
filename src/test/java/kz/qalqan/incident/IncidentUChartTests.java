package kz.qalqan.incident;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The u-chart against a published worked example: AVEVA Manufacturing Execution System 7.0 documentation,
 * "u Chart" (docs.aveva.com/bundle/manufacturing-execution-system-7.0/page/197585.html, updated 19 March 2016),
 * whose table lists samples (count, size) with ū = 0.552239 and, per sample, LCL, CL and UCL to six decimals.
 * Its nine samples below give Σc = 74 over Σn = 134 = 0.5522388, the published ū, so the centre is estimated
 * here from the samples, as our surveillance does, and every published limit is reproduced cell by cell.
 */
class IncidentUChartTests {

    private static final double TOLERANCE = 0.000002; // the table rounds to six decimals

    /** count, size, then the published LCL, CL and UCL. */
    private static final double[][] PUBLISHED = {
            {3, 15, 0, 0.552239, 1.127863},
            {8, 9, 0, 0.552239, 1.295367},
            {10, 15, 0, 0.552239, 1.127863},
            {6, 15, 0, 0.552239, 1.127863},
            {2, 15, 0, 0.552239, 1.127863},
            {11, 20, 0.053734, 0.552239, 1.050744},
            {9, 15, 0, 0.552239, 1.127863},
            {5, 15, 0, 0.552239, 1.127863},
            {20, 15, 0, 0.552239, 1.127863},
    };

    private static List<UChart.Subgroup> samples() {
        return java.util.stream.IntStream.range(0, PUBLISHED.length)
                .mapToObj(i -> new UChart.Subgroup("sample " + (i + 1), (long) PUBLISHED[i][0], PUBLISHED[i][1]))
                .toList();
    }

    @Test
    void reproducesThePublishedCentreAndEveryLimit() {
        UChart chart = UChart.of(samples());

        assertThat(chart.centre()).isCloseTo(0.552239, within(TOLERANCE));
        assertThat(chart.centre()).isEqualTo(74.0 / 134.0);
        for (int i = 0; i < PUBLISHED.length; i++) {
            UChart.Point p = chart.points().get(i);
            assertThat(p.u()).as("u of sample %d", i + 1).isCloseTo(PUBLISHED[i][0] / PUBLISHED[i][1], within(1e-12));
            assertThat(p.lcl()).as("LCL of sample %d", i + 1).isCloseTo(PUBLISHED[i][2], within(TOLERANCE));
            assertThat(p.ucl()).as("UCL of sample %d", i + 1).isCloseTo(PUBLISHED[i][4], within(TOLERANCE));
        }
    }

    @Test
    void flagsOnlyTheSampleAboveItsUpperLimit() {
        UChart chart = UChart.of(samples());

        // sample 9: 20 / 15 = 1.333 > 1.127863; sample 2 (0.889 < 1.295) and the rest stay inside
        assertThat(chart.points()).filteredOn(UChart.Point::aboveUpperLimit).extracting(UChart.Point::key)
                .containsExactly("sample 9");
    }

    @Test
    void aKnownCentreIsNotReestimated() {
        UChart chart = UChart.withCentre(0.552239, List.of(new UChart.Subgroup("n=20", 11, 20)));

        assertThat(chart.centre()).isEqualTo(0.552239);
        assertThat(chart.points().get(0).lcl()).isCloseTo(0.053734, within(TOLERANCE));
        assertThat(chart.points().get(0).ucl()).isCloseTo(1.050744, within(TOLERANCE));
    }

    @Test
    void aPointExactlyOnTheUpperLimitIsNotFlagged() {
        // ū = 1 and n = 9: UCL = 1 + 3·sqrt(1/9) = 2, so u = 18/9 = 2 sits on the limit
        UChart chart = UChart.withCentre(1.0, List.of(new UChart.Subgroup("on", 18, 9)));

        assertThat(chart.points().get(0).ucl()).isEqualTo(2.0);
        assertThat(chart.points().get(0).aboveUpperLimit()).isFalse();
    }

    @Test
    void injuryRatesAreUnitsOfAThousandPersonDays() {
        // 6 injuries over 2,000 person-days and 1 over 8,000: ū = 7 / 10 = 0.7 per 1,000 person-days;
        // unit A: u = 3.0 > 0.7 + 3·sqrt(0.7 / 2) = 2.4748 (flagged); unit B: u = 0.125 < 0.7 + 3·sqrt(0.7 / 8)
        UChart chart = UChart.of(List.of(new UChart.Subgroup("A", 6, 2.0), new UChart.Subgroup("B", 1, 8.0)));

        assertThat(chart.centre()).isCloseTo(0.7, within(1e-12));
        assertThat(chart.points().get(0).u()).isEqualTo(3.0);
        assertThat(chart.points().get(0).ucl()).isCloseTo(2.474824, within(TOLERANCE));
        assertThat(chart.points().get(0).aboveUpperLimit()).isTrue();
        assertThat(chart.points().get(1).ucl()).isCloseTo(1.587412, within(TOLERANCE));
        assertThat(chart.points().get(1).aboveUpperLimit()).isFalse();
    }

    @Test
    void aSubgroupWithoutExposureIsRefused() {
        assertThatThrownBy(() -> new UChart.Subgroup("empty", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateIsPerThousandPersonDaysAndAbsentWithoutExposure() {
        assertThat(InjurySurveillance.rate(3, 1500)).isEqualTo(2.0);
        assertThat(InjurySurveillance.rate(0, 250)).isEqualTo(0.0);
        assertThat(InjurySurveillance.rate(2, 0)).isNull();
    }
}
