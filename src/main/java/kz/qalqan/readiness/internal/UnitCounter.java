package kz.qalqan.readiness.internal;

import kz.qalqan.readiness.Counts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The unit counting rules of {@code ReadinessRepository}'s SQL, in Java: the reference the roll-up property
 * test and the SQL integration test hold the database to. A position is held by its first active member;
 * it is ready when that member is inside the fitness window, meets the medical standard and holds every
 * required qualification current; equipment lines count on hand up to authorised (S) and serviceable with
 * the inspection in date out of on hand (R).
 */
public final class UnitCounter {

    private UnitCounter() {
    }

    /**
     * @param qualifications held codes with their expiry (the first day no longer valid; null never expires)
     */
    public record Holder(boolean active, LocalDate fitFrom, LocalDate fitUntil, boolean limited,
                         List<LocalDate[]> limitations, Map<String, LocalDate> qualifications) {
    }

    public record PositionInput(List<String> required, String medicalStandard, List<Holder> holders) {
    }

    public record Line(int authorised, int onHand, int serviceable, LocalDate nextInspectionDue) {
    }

    public static Counts count(List<PositionInput> positions, List<Line> lines, LocalDate day) {
        long authorised = 0, ready = 0, tRequired = 0, tCurrent = 0;
        for (PositionInput p : positions) {
            authorised++;
            Holder h = p.holders().stream().filter(Holder::active).findFirst().orElse(null);
            if (h == null) {
                continue;
            }
            long current = p.required().stream().filter(code -> h.qualifications().containsKey(code)
                    && (h.qualifications().get(code) == null || h.qualifications().get(code).isAfter(day))).count();
            tRequired += p.required().size();
            tCurrent += current;
            boolean inWindow = h.fitFrom() != null && !h.fitFrom().isAfter(day) && day.isBefore(h.fitUntil());
            boolean limited = h.limited() || h.limitations().stream()
                    .anyMatch(l -> !day.isBefore(l[0]) && !day.isAfter(l[1]));
            boolean fit = inWindow && ("FIT_LIMITED".equals(p.medicalStandard()) || !limited);
            if (fit && current == p.required().size()) {
                ready++;
            }
        }
        long sAuthorised = 0, sOnHand = 0, rOnHand = 0, rReady = 0;
        for (Line l : lines) {
            sAuthorised += l.authorised();
            sOnHand += Math.min(l.onHand(), l.authorised());
            rOnHand += l.onHand();
            if (l.nextInspectionDue() != null && !l.nextInspectionDue().isBefore(day)) {
                rReady += Math.min(l.serviceable(), l.onHand());
            }
        }
        return new Counts(authorised, ready, tRequired, tCurrent, sAuthorised, sOnHand, rOnHand, rReady);
    }
}
