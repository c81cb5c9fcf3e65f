package kz.qalqan.training.internal;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.training.AwardCommand;
import kz.qalqan.training.Qualification;
import kz.qalqan.training.QualificationCode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules an award must meet, each rejection worded for the person recording it: the qualification
 * exists; the award date is given and not in the future; the expiry (given or computed from the
 * catalogue) falls after the award date; every prerequisite is held and current on the award date; the
 * evidence is named.
 */
public final class QualificationPolicy {

    static final int MAX_TEXT = 500;
    /** Dates in refusals as the forms show them. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A qualification the member already holds (not revoked). */
    public record Held(String code, LocalDate awardedOn, LocalDate expiresOn) {

        boolean currentOn(LocalDate day) {
            return !awardedOn.isAfter(day) && (expiresOn == null || day.isBefore(expiresOn));
        }
    }

    public sealed interface Outcome permits Accepted, Rejected {
    }

    /** The award may be recorded, expiring on {@code expiresOn} ({@code null}: never). */
    public record Accepted(LocalDate expiresOn) implements Outcome {
    }

    public record Rejected(List<FieldProblem> problems) implements Outcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    private QualificationPolicy() {
    }

    /**
     * @param qualification the catalogue entry for {@code command.code()}, empty when there is none
     * @param held          what the member holds now
     * @param today         today in Kazakhstan
     */
    public static Outcome check(AwardCommand command, Optional<Qualification> qualification, List<Held> held,
                                LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = command.code() == null ? "" : command.code().trim();
        if (code.isEmpty()) {
            problems.add(FieldProblem.of("code", "training.qualification.required"));
        } else if (qualification.isEmpty()) {
            problems.add(FieldProblem.of("code", EventRules.UNKNOWN_QUALIFICATION, code));
        }
        LocalDate awardedOn = command.awardedOn();
        if (awardedOn == null) {
            problems.add(FieldProblem.of("awardedOn", "training.award.dateRequired"));
        } else if (awardedOn.isAfter(today)) {
            problems.add(FieldProblem.of("awardedOn", "training.award.future", DAY.format(today)));
        }
        if (command.evidence() == null || command.evidence().isBlank()) {
            problems.add(FieldProblem.of("evidence", "training.award.evidenceRequired"));
        } else if (command.evidence().length() > MAX_TEXT) {
            problems.add(FieldProblem.of("evidence", EventRules.TOO_LONG, MAX_TEXT));
        }
        if (command.awardingEvent() != null && command.awardingEvent().length() > MAX_TEXT) {
            problems.add(FieldProblem.of("awardingEvent", EventRules.TOO_LONG, MAX_TEXT));
        }
        LocalDate expiresOn = command.expiresOn();
        if (qualification.isPresent() && awardedOn != null) {
            Qualification q = qualification.get();
            if (expiresOn == null && q.validityMonths() != null) {
                expiresOn = awardedOn.plusMonths(q.validityMonths());
            }
            if (expiresOn != null && !expiresOn.isAfter(awardedOn)) {
                problems.add(FieldProblem.of("expiresOn", "training.award.expiryBeforeAward", DAY.format(awardedOn)));
            }
            for (String prerequisite : q.prerequisites()) {
                boolean current = held.stream()
                        .anyMatch(h -> h.code().equals(prerequisite) && h.currentOn(awardedOn));
                if (!current) {
                    problems.add(FieldProblem.of("code", "training.award.prerequisite",
                            new QualificationCode(q.code()), new QualificationCode(prerequisite), DAY.format(awardedOn)));
                }
            }
        }
        return problems.isEmpty() ? new Accepted(expiresOn) : new Rejected(problems);
    }
}
