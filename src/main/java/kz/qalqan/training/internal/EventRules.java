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
    public static final int MAX_CAPACITY = 10_000;
    /** A single activity longer than this is planned as several. */
    public static final Duration MAX_LENGTH = Duration.ofDays(14);

    private EventRules() {
    }

    public static List<FieldProblem> check(EventCommand c, Set<String> catalogue, boolean regionKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.unitId() == null) {
            problems.add(new FieldProblem("unitId", "is required"));
        }
        if (c.title() == null || c.title().isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (c.title().trim().length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (c.activityType() == null || c.activityType().isBlank()) {
            problems.add(new FieldProblem("activityType", "is required"));
        } else if (ActivityType.parse(c.activityType()).isEmpty()) {
            problems.add(new FieldProblem("activityType", "is not one of " + List.of(ActivityType.values())));
        }
        if (c.intensity() == null || c.intensity().isBlank()) {
            problems.add(new FieldProblem("intensity", "is required"));
        } else if (WorkIntensity.parse(c.intensity()).isEmpty()) {
            problems.add(new FieldProblem("intensity", "is not one of " + List.of(WorkIntensity.values())));
        }
        if (c.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "is required"));
        }
        if (c.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "is required"));
        } else if (c.startsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after the start"));
        } else if (c.startsAt() != null && Duration.between(c.startsAt(), c.endsAt()).compareTo(MAX_LENGTH) > 0) {
            problems.add(new FieldProblem("endsAt", "must be at most 14 days after the start"));
        }
        if (c.regionCode() == null || c.regionCode().isBlank()) {
            problems.add(new FieldProblem("regionCode", "is required"));
        } else if (!regionKnown) {
            problems.add(new FieldProblem("regionCode", "is not a region code such as KZ-75"));
        }
        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(new FieldProblem(c.lat() == null ? "lat" : "lon", "give both latitude and longitude, or neither"));
        }
        if (c.lat() != null && (c.lat() < -90 || c.lat() > 90 || c.lat().isNaN())) {
            problems.add(new FieldProblem("lat", "must be between -90 and 90"));
        }
        if (c.lon() != null && (c.lon() < -180 || c.lon() > 180 || c.lon().isNaN())) {
            problems.add(new FieldProblem("lon", "must be between -180 and 180"));
        }
        if (c.placeName() != null && c.placeName().length() > MAX_TITLE) {
            problems.add(new FieldProblem("placeName", "must be at most " + MAX_TITLE + " characters"));
        }
        if (c.capacity() == null) {
            problems.add(new FieldProblem("capacity", "is required"));
        } else if (c.capacity() < 1 || c.capacity() > MAX_CAPACITY) {
            problems.add(new FieldProblem("capacity", "must be between 1 and " + MAX_CAPACITY));
        }
        if (c.awards() != null) {
            for (String code : c.awards()) {
                if (code == null || !catalogue.contains(code.trim())) {
                    problems.add(new FieldProblem("awards", "is not in the qualification catalogue: " + code));
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
            problems.add(new FieldProblem("attendance", "is required: PRESENT, ABSENT or EXCUSED"));
        } else {
            try {
                attendance = AttendanceStatus.valueOf(c.attendance().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("attendance", "must be PRESENT, ABSENT or EXCUSED"));
            }
        }
        TrainingResult result = TrainingResult.NONE;
        if (c.result() != null && !c.result().isBlank()) {
            try {
                result = TrainingResult.valueOf(c.result().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("result", "must be PASS, FAIL or NONE"));
            }
        }
        if (c.sessionRpe() != null && (c.sessionRpe() < 0 || c.sessionRpe() > 10)) {
            problems.add(new FieldProblem("sessionRpe", "must be between 0 and 10"));
        }
        if (c.durationMinutes() != null && (c.durationMinutes() < 0 || c.durationMinutes() > 1440)) {
            problems.add(new FieldProblem("durationMinutes", "must be between 0 and 1440 minutes"));
        }
        if (attendance != null && attendance != AttendanceStatus.PRESENT) {
            if (result == TrainingResult.PASS) {
                problems.add(new FieldProblem("result", "a member who was not present cannot pass"));
            }
            if (c.sessionRpe() != null) {
                problems.add(new FieldProblem("sessionRpe", "is recorded only for a member who was present"));
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
