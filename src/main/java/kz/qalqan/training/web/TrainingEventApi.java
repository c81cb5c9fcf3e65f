package kz.qalqan.training.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.training.AttendanceCommand;
import kz.qalqan.training.AttendanceOutcome;
import kz.qalqan.training.Enrolment;
import kz.qalqan.training.EventCommand;
import kz.qalqan.training.EventSearch;
import kz.qalqan.training.EventStatus;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/training/events")
@Tag(name = "Training events", description = "Planned training, enrolment and attendance with session RPE")
class TrainingEventApi {

    private final TrainingEvents events;

    TrainingEventApi(TrainingEvents events) {
        this.events = events;
    }

    record EventRequest(Long unitId, String title, String activityType, String intensity, Instant startsAt,
                        Instant endsAt, String regionCode, Double lat, Double lon, String placeName,
                        Long instructorId, Integer capacity, List<String> awards) {
        EventCommand command() {
            return new EventCommand(unitId, title, activityType, intensity, startsAt, endsAt, regionCode, lat, lon,
                    placeName, instructorId, capacity, awards);
        }
    }

    record EnrolRequest(Long memberId, Boolean confirmFlags) {
    }

    record AttendanceRequest(String attendance, Integer durationMinutes, Integer sessionRpe, String result) {
    }

    @GetMapping
    @Operation(summary = "Events the caller may see, optionally of one unit (sub=true: with sub-units), starting in [from, to)")
    List<TrainingEvent> search(@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "false") boolean sub,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String status) {
        EventStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = EventStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.coded("status", "training.event.unknownStatus", status.trim());
            }
        }
        return events.search(new EventSearch(unit, sub, instant("from", from), instant("to", to), s));
    }

    @PostMapping
    @Operation(summary = "Plan an event (ADMIN, COMMANDER, TRAINING_OFFICER over the unit)")
    ResponseEntity<TrainingEvent> create(@RequestBody EventRequest request, Principal principal) {
        TrainingEvent created = events.create(request.command(), principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event")
    TrainingEvent get(@PathVariable long id) {
        return events.find(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a planned or started event (raises its iCalendar SEQUENCE)")
    TrainingEvent update(@PathVariable long id, @RequestBody EventRequest request, Principal principal) {
        return events.update(id, request.command(), principal.getName());
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start a planned event (checked by the start policy)")
    TrainingEvent start(@PathVariable long id) {
        return events.start(id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a started event")
    TrainingEvent complete(@PathVariable long id) {
        return events.complete(id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a planned or started event (feeds then show it as CANCELLED)")
    TrainingEvent cancel(@PathVariable long id) {
        return events.cancel(id);
    }

    @GetMapping("/{id}/enrolments")
    @Operation(summary = "Enrolled members with their attendance")
    List<Enrolment> enrolments(@PathVariable long id) {
        return events.enrolments(id);
    }

    @PostMapping("/{id}/enrolments")
    @Operation(summary = "Enrol an active member (capacity enforced, no double enrolment; risk flags: a forbidding one refuses (409), warnings need confirmFlags=true and are audited)")
    ResponseEntity<Enrolment> enrol(@PathVariable long id, @RequestBody EnrolRequest request, Principal principal) {
        if (request.memberId() == null) {
            throw InvalidInputException.coded("memberId", "training.enrol.memberRequired");
        }
        Enrolment enrolment = events.enrol(id, request.memberId(),
                Boolean.TRUE.equals(request.confirmFlags()), principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{memberId}")
                .buildAndExpand(enrolment.memberId()).toUri()).body(enrolment);
    }

    @DeleteMapping("/{id}/enrolments/{memberId}")
    @Operation(summary = "Withdraw an enrolment that has no attendance yet")
    ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long memberId) {
        events.withdraw(id, memberId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/attendance/{memberId}")
    @Operation(summary = "Record or correct an enrolled member's attendance; a PASS awards the event's qualifications")
    AttendanceOutcome attendance(@PathVariable long id, @PathVariable long memberId,
                                 @RequestBody AttendanceRequest request, Principal principal) {
        return events.recordAttendance(id, memberId, new AttendanceCommand(request.attendance(),
                request.durationMinutes(), request.sessionRpe(), request.result()), principal.getName());
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text.trim()).atStartOfDay(kz.qalqan.training.Qualifications.KAZAKHSTAN).toInstant();
            } catch (DateTimeParseException e2) {
                throw InvalidInputException.coded(field, "training.api.instant", text.trim());
            }
        }
    }
}
