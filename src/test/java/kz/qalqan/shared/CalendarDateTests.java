package kz.qalqan.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarDateTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1990-02-28   | 1990-02-28
            28.02.1990   | 1990-02-28
            ' 29.02.2024 '| 2024-02-29
            2024-02-29   | 2024-02-29
            31.12.1999   | 1999-12-31
            """)
    void readsBothNotations(String text, LocalDate day) {
        assertThat(CalendarDate.parse(text)).contains(day);
        assertThat(CalendarDate.problem(text)).isNull();
    }

    /** A day the month does not have is refused, never moved to the month's last day (31.02 → 28.02). */
    @ParameterizedTest
    @CsvSource({"31.02.1990", "1990-02-31", "29.02.2023", "2023-02-29", "31.04.2026", "2026-06-31", "30.02.2000"})
    void refusesADayTheMonthDoesNotHave(String text) {
        assertThat(CalendarDate.parse(text)).isEmpty();
        assertThat(CalendarDate.problem(text)).isEqualTo(CalendarDate.Problem.NO_SUCH_DAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1990-13-01
            00.01.1990
            32.01.1990
            1.2.1990
            1990/02/01
            ''
            yesterday
            ١٩٩٠-٠٢-٠١
            """)
    void refusesWhatIsNotWrittenAsADate(String text) {
        assertThat(CalendarDate.parse(text)).isEmpty();
        assertThat(CalendarDate.problem(text)).isEqualTo(CalendarDate.Problem.NOT_A_DATE);
    }
}
