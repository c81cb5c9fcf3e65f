package kz.qalqan.medical;

import java.time.LocalDate;
import java.util.List;

/**
 * A limitation profile to record.
 *
 * @param restrictions names of {@link Restriction}s, at least one
 * @param maxLoadKg    required with (and only with) NO_LOAD_OVER_KG
 * @param endsOn       the last day the profile applies
 */
public record ProfileCommand(List<String> restrictions, Integer maxLoadKg, String reason, LocalDate startsOn,
                             LocalDate endsOn) {
}
