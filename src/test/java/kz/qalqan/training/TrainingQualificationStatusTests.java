package kz.qalqan.training;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingQualificationStatusTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void isCurrentWithoutExpiryOrMoreThanNinetyDaysAhead() {
        assertThat(QualificationStatus.on(TODAY, null)).isEqualTo(QualificationStatus.CURRENT);
        assertThat(QualificationStatus.on(TODAY, TODAY.plusDays(91))).isEqualTo(QualificationStatus.CURRENT);
    }

    @Test
    void isExpiringWithinNinetyDays() {
        assertThat(QualificationStatus.on(TODAY, TODAY.plusDays(90))).isEqualTo(QualificationStatus.EXPIRING);
        assertThat(QualificationStatus.on(TODAY, TODAY.plusDays(1))).isEqualTo(QualificationStatus.EXPIRING);
    }

    @Test
    void isExpiredFromItsExpiryDay() {
        assertThat(QualificationStatus.on(TODAY, TODAY)).isEqualTo(QualificationStatus.EXPIRED);
        assertThat(QualificationStatus.on(TODAY, TODAY.minusDays(1))).isEqualTo(QualificationStatus.EXPIRED);
    }
}
