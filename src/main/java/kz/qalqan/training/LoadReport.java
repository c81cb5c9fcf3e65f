package kz.qalqan.training;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's training load over a window ending today: the daily loads with acute and chronic load and the
 * ratio each day, and today's values. {@code ratio} and {@code flag} are null when there is no data.
 */
public record LoadReport(long memberId, WorkloadRatio.Method method, LocalDate from, LocalDate to, double acute,
                         double chronic, Double ratio, AcwrFlag flag, List<WorkloadRatio.Day> days) {

    public LoadReport {
        days = List.copyOf(days);
    }
}
