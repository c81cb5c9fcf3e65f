package kz.qalqan.medical;

import java.time.LocalDate;

/**
 * A periodic exam to record.
 *
 * @param result     one of {@link ExamResult}
 * @param unfitUntil the first day the member is fit again; required for TEMPORARILY_UNFIT only
 */
public record ExamCommand(LocalDate examinedOn, String result, LocalDate unfitUntil, String diagnosis, String examiner) {
}
