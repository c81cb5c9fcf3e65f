package kz.qalqan.emergency.tasking.web;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.tasking.CheckIn;
import kz.qalqan.emergency.tasking.FatigueRefusedException;
import kz.qalqan.emergency.tasking.FatigueViolation;
import kz.qalqan.emergency.tasking.LeftBehind;
import kz.qalqan.emergency.tasking.Shift;
import kz.qalqan.emergency.tasking.ShiftCommand;
import kz.qalqan.emergency.tasking.Task;
import kz.qalqan.emergency.tasking.TaskCommand;
import kz.qalqan.emergency.tasking.TaskStatus;
import kz.qalqan.emergency.tasking.Tasking;
import kz.qalqan.emergency.tasking.Team;
import kz.qalqan.emergency.tasking.TeamCommand;
import kz.qalqan.platform.web.ProblemTexts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/emergencies/{id}")
@Tag(name = "Emergency tasking", description = "Tasks, teams, check-in/out at the staging point, shifts under the fatigue rules, nobody left behind")
class TaskingApi {

    private final Tasking tasking;
    private final ProblemTexts texts;

    TaskingApi(Tasking tasking, ProblemTexts texts) {
        this.tasking = tasking;
        this.texts = texts;
    }

    record TaskStatusRequest(TaskStatus status) {
    }

    record TeamMemberRequest(Long memberId, Boolean leader) {
    }

    record TaskRequest(Long taskId) {
    }

    record CheckInRequest(Long memberId, String stagingPoint) {
    }

    record SelfCheckInRequest(String stagingPoint) {
    }

    record ShiftRequest(Long memberId, Instant startsAt, Instant endsAt, Long taskId, Long teamId, String overrideReason) {
        ShiftCommand command() {
            return new ShiftCommand(memberId, startsAt, endsAt, taskId, teamId, overrideReason);
        }
    }

    /** The fatigue verdict on a shift: empty when the rules allow it; each violation coded and said. */
    record Verdict(boolean allowed, List<Map<String, Object>> violations) {
    }

    @GetMapping("/tasks")
    @Operation(summary = "The emergency's tasks, most urgent first (watchers)")
    List<Task> tasks(@PathVariable long id) {
        return tasking.tasks(id);
    }

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a task (coordinators); priority 1 urgent, 2 high, 3 normal (default), 4 routine")
    Task planTask(@PathVariable long id, @RequestBody TaskCommand request) {
        return tasking.planTask(id, request);
    }

    @PostMapping("/tasks/{taskId}/status")
    @Operation(summary = "Move a task: PLANNED → ASSIGNED → IN_PROGRESS → DONE, or CANCELLED")
    Task taskStatus(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskStatusRequest request) {
        return tasking.changeTaskStatus(id, taskId, request.status());
    }

    @GetMapping("/teams")
    @Operation(summary = "The emergency's teams with their members, leader and task (watchers)")
    List<Team> teams(@PathVariable long id) {
        return tasking.teams(id);
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Form a team from activated (ORDERED or ACCEPTED) members, optionally with a leader and a task")
    Team formTeam(@PathVariable long id, @RequestBody TeamCommand request) {
        return tasking.formTeam(id, request);
    }

    @PostMapping("/teams/{teamId}/members")
    @Operation(summary = "Add an activated member to a team (moving them out of another team); leader=true makes them its leader")
    Team addMember(@PathVariable long id, @PathVariable long teamId, @RequestBody TeamMemberRequest request) {
        return tasking.addToTeam(id, teamId, request.memberId(), Boolean.TRUE.equals(request.leader()));
    }

    @PostMapping("/teams/{teamId}/task")
    @Operation(summary = "Give a team a task (null taskId takes it away)")
    Team assignTask(@PathVariable long id, @PathVariable long teamId, @RequestBody TaskRequest request) {
        return tasking.assignTask(id, teamId, request.taskId());
    }

    @GetMapping("/checkins")
    @Operation(summary = "Check-ins at the staging point, newest first (watchers)")
    List<CheckIn> checkIns(@PathVariable long id) {
        return tasking.checkIns(id);
    }

    @PostMapping("/checkins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that an activated member arrived at the staging point (coordinators)")
    CheckIn checkIn(@PathVariable long id, @RequestBody CheckInRequest request) {
        return tasking.checkIn(id, request.memberId(), request.stagingPoint());
    }

    @PostMapping("/checkouts")
    @Operation(summary = "Record that a member left the staging point (coordinators; also after stand-down)")
    CheckIn checkOut(@PathVariable long id, @RequestBody CheckInRequest request) {
        return tasking.checkOut(id, request.memberId());
    }

    @PostMapping("/checkin/me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check myself in (the signed-in member, activated for this emergency)")
    CheckIn checkInSelf(@PathVariable long id, @RequestBody(required = false) SelfCheckInRequest request) {
        return tasking.checkInSelf(id, request == null ? null : request.stagingPoint());
    }

    @PostMapping("/checkout/me")
    @Operation(summary = "Check myself out")
    CheckIn checkOutSelf(@PathVariable long id) {
        return tasking.checkOutSelf(id);
    }

    @GetMapping("/shifts")
    @Operation(summary = "Planned shifts of the emergency (watchers)")
    List<Shift> shifts(@PathVariable long id) {
        return tasking.shifts(id);
    }

    @PostMapping("/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a shift; a fatigue violation refuses it (409) unless overrideReason is given")
    Shift planShift(@PathVariable long id, @RequestBody ShiftRequest request) {
        return tasking.planShift(id, request.command());
    }

    @PostMapping("/shifts/check")
    @Operation(summary = "The fatigue verdict on a shift, without planning it")
    Verdict checkShift(@PathVariable long id, @RequestBody ShiftRequest body, HttpServletRequest request) {
        List<FatigueViolation> violations = tasking.checkShift(id, body.command());
        return new Verdict(violations.isEmpty(), violations.stream().map(v -> said(v, request)).toList());
    }

    @GetMapping("/left-behind")
    @Operation(summary = "Nobody left behind: everyone checked in and not checked out, with last team/task and contacts")
    LeftBehind leftBehind(@PathVariable long id) {
        return tasking.leftBehind(id);
    }

    /**
     * 409 naming each broken rule with its code, arguments and figures, in the request's language, so that a client
     * can show them or ask for an override.
     */
    @ExceptionHandler(FatigueRefusedException.class)
    ResponseEntity<ProblemDetail> fatigue(FatigueRefusedException e, HttpServletRequest request) {
        List<Map<String, Object>> violations = e.violations().stream().map(v -> said(v, request)).toList();
        String detail = texts.text(e, e.code(), request) + " " + violations.stream()
                .map(v -> (String) v.get("message")).collect(Collectors.joining(" "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        body.setType(URI.create("https://qalqan.kz/problems/fatigue"));
        body.setTitle("Fatigue rules");
        texts.describe(body, e);
        body.setProperty("errors", e.violations().stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "startsAt");
            error.put("message", texts.text(v, v.code(), request));
            error.put("code", v.code());
            error.put("args", v.args());
            return error;
        }).toList());
        body.setProperty("violations", violations);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    /** A broken rule as a client reads it: rule, code, arguments, the text in the request's language, the figures. */
    private Map<String, Object> said(FatigueViolation v, HttpServletRequest request) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", v.rule().name());
        out.put("code", v.code());
        out.put("args", v.args());
        out.put("message", texts.text(v, v.code(), request));
        out.put("actualMinutes", v.actualMinutes());
        out.put("limitMinutes", v.limitMinutes());
        return out;
    }
}
