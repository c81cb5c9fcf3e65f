package kz.qalqan.training.internal;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;
import kz.qalqan.training.AttendanceCommand;
import kz.qalqan.training.AttendanceStatus;
import kz.qalqan.training.EventCommand;
import kz.qalqan.training.TrainingResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field rules of an event and of an attendance record, each problem naming its field. Rules that
 * need the registry (the unit, the instructor in scope) are checked by the facade.
 */
public final class EventRules {

    public static final int MAX_TITLE = 200;
    static final String REQUIRED = "training.event.required";
    static final String TOO_LONG = "training.event.tooLong";
    static final String UNKNOWN_QUALIFICATION = "training.qualification.unknown";
    public static final int MAX_CAPACITY = 10_000;
    /** A single activity longer than this is planned as several. */
    public static final Duration MAX_LENGTH = Duration.ofDays(14);

    private EventRules() {
    }

    public static List<FieldProblem> check(EventCommand c, Set<String> catalogue, boolean regionKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.unitId() == null) {
            problems.add(FieldProblem.of("unitId", REQUIRED));
        }
        if (c.title() == null || c.title().isBlank()) {
            problems.add(FieldProblem.of("title", REQUIRED));
        } else if (c.title().trim().length() > MAX_TITLE) {
            problems.add(FieldProblem.of("title", TOO_LONG, MAX_TITLE));
        }
        if (c.activityType() == null || c.activityType().isBlank()) {
            problems.add(FieldProblem.of("activityType", REQUIRED));
        } else if (ActivityType.parse(c.activityType()).isEmpty()) {
            problems.add(FieldProblem.of("activityType", "training.event.unknownActivityType", c.activityType()));
        }
        if (c.intensity() == null || c.intensity().isBlank()) {
            problems.add(FieldProblem.of("intensity", REQUIRED));
        } else if (WorkIntensity.parse(c.intensity()).isEmpty()) {
            problems.add(FieldProblem.of("intensity", "training.event.unknownIntensity", c.intensity()));
        }
        if (c.startsAt() == null) {
            problems.add(FieldProblem.of("startsAt", REQUIRED));
        }
        if (c.endsAt() == null) {
            problems.add(FieldProblem.of("endsAt", REQUIRED));
        } else if (c.startsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "training.event.endsBeforeStart"));
        } else if (c.startsAt() != null && Duration.between(c.startsAt(), c.endsAt()).compareTo(MAX_LENGTH) > 0) {
            problems.add(FieldProblem.of("endsAt", "training.event.tooLongActivity", MAX_LENGTH.toDays()));
        }
        if (c.regionCode() == null || c.regionCode().isBlank()) {
            problems.add(FieldProblem.of("regionCode", REQUIRED));
        } else if (!regionKnown) {
            problems.add(FieldProblem.of("regionCode", "training.event.unknownRegion", c.regionCode()));
        }
        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(FieldProblem.of(c.lat() == null ? "lat" : "lon", "training.event.coordinatePair"));
        }
        if (c.lat() != null && (c.lat() < -90 || c.lat() > 90 || c.lat().isNaN())) {
            problems.add(FieldProblem.of("lat", "training.event.latitude"));
        }
        if (c.lon() != null && (c.lon() < -180 || c.lon() > 180 || c.lon().isNaN())) {
            problems.add(FieldProblem.of("lon", "training.event.longitude"));
        }
        if (c.placeName() != null && c.placeName().length() > MAX_TITLE) {
            problems.add(FieldProblem.of("placeName", TOO_LONG, MAX_TITLE));
        }
        if (c.capacity() == null) {
            problems.add(FieldProblem.of("capacity", REQUIRED));
        } else if (c.capacity() < 1 || c.capacity() > MAX_CAPACITY) {
            problems.add(FieldProblem.of("capacity", "training.event.capacity", MAX_CAPACITY));
        }
        if (c.awards() != null) {
            for (String code : c.awards()) {
                if (code == null || !catalogue.contains(code.trim())) {
                    problems.add(FieldProblem.of("awards", UNKNOWN_QUALIFICATION, String.valueOf(code)));
                }
            }
        }
        return problems;
    }

    /** The attendance as it will be stored. */
    public record CheckedAttendance(AttendanceStatus attendance, Integer durationMinutes, Integer sessionRpe,
                                    TrainingResult result) {
    }

    public sealed interface AttendanceOutcome permits Accepted, Rejected {
    }

    public record Accepted(CheckedAttendance attendance) implements AttendanceOutcome {
    }

    public record Rejected(List<FieldProblem> problems) implements AttendanceOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param eventMinutes the event's length, the default duration of a present member
     */
    public static AttendanceOutcome check(AttendanceCommand c, int eventMinutes) {
        List<FieldProblem> problems = new ArrayList<>();
        AttendanceStatus attendance = null;
        if (c.attendance() == null || c.attendance().isBlank()) {
            problems.add(FieldProblem.of("attendance", "training.attendance.required"));
        } else {
            try {
                attendance = AttendanceStatus.valueOf(c.attendance().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("attendance", "training.attendance.unknown", c.attendance()));
            }
        }
        TrainingResult result = TrainingResult.NONE;
        if (c.result() != null && !c.result().isBlank()) {
            try {
                result = TrainingResult.valueOf(c.result().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("result", "training.attendance.unknownResult", c.result()));
            }
        }
        if (c.sessionRpe() != null && (c.sessionRpe() < 0 || c.sessionRpe() > 10)) {
            problems.add(FieldProblem.of("sessionRpe", "training.attendance.rpeRange"));
        }
        if (c.durationMinutes() != null && (c.durationMinutes() < 0 || c.durationMinutes() > 1440)) {
            problems.add(FieldProblem.of("durationMinutes", "training.attendance.durationRange"));
        }
        if (attendance != null && attendance != AttendanceStatus.PRESENT) {
            if (result == TrainingResult.PASS) {
                problems.add(FieldProblem.of("result", "training.attendance.passWithoutPresence"));
            }
            if (c.sessionRpe() != null) {
                problems.add(FieldProblem.of("sessionRpe", "training.attendance.rpeWithoutPresence"));
            }
        }
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        boolean present = attendance == AttendanceStatus.PRESENT;
        Integer minutes = present ? (c.durationMinutes() == null ? Math.min(eventMinutes, 1440) : c.durationMinutes()) : null;
        return new Accepted(new CheckedAttendance(attendance, minutes, present ? c.sessionRpe() : null, result));
    }
}
