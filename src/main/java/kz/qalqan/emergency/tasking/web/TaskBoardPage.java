package kz.qalqan.emergency.tasking.web;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.tasking.FatigueRefusedException;
import kz.qalqan.emergency.tasking.LeftBehind;
import kz.qalqan.emergency.tasking.ShiftCommand;
import kz.qalqan.emergency.tasking.Task;
import kz.qalqan.emergency.tasking.TaskCommand;
import kz.qalqan.emergency.tasking.TaskStatus;
import kz.qalqan.emergency.tasking.TaskType;
import kz.qalqan.emergency.tasking.Tasking;
import kz.qalqan.emergency.tasking.TeamCommand;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.MemberContact;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The task board of an emergency: tasks in columns by status, teams, who is at the staging point (and, after
 * stand-down, who was left behind), check-in/out and the shift planner with the fatigue verdict. Watchers read it;
 * coordinators act on it. Refusals come back as a message in the reader's language; a fatigue refusal keeps the
 * shift that was typed and asks for an override reason.
 */
@Controller
class TaskBoardPage {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private final Tasking tasking;
    private final Emergencies emergencies;
    private final FormErrors formErrors;

    TaskBoardPage(Tasking tasking, Emergencies emergencies, FormErrors formErrors) {
        this.tasking = tasking;
        this.emergencies = emergencies;
        this.formErrors = formErrors;
    }

    @GetMapping("/emergencies/{id}/tasks")
    String board(@PathVariable long id, Model model) {
        Emergency emergency = emergencies.find(id);
        List<Task> tasks = tasking.tasks(id);
        Map<TaskStatus, List<Task>> columns = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            columns.put(s, new ArrayList<>());
        }
        tasks.forEach(t -> columns.get(t.status()).add(t));
        LeftBehind leftBehind = tasking.leftBehind(id);
        List<MemberContact> activated = tasking.activatedMembers(id);
        Map<Long, String> names = new LinkedHashMap<>();
        activated.forEach(m -> names.put(m.id(), m.fullName()));
        Map<Long, String> taskTitles = new LinkedHashMap<>();
        tasks.forEach(t -> taskTitles.put(t.id(), t.title()));
        model.addAttribute("emergency", emergency);
        model.addAttribute("mayManage", emergencies.mayManage(emergency) && emergency.status() == EmergencyStatus.ACTIVE);
        model.addAttribute("mayCheckOut", emergencies.mayManage(emergency)
                && (emergency.status() == EmergencyStatus.ACTIVE || emergency.status() == EmergencyStatus.STOOD_DOWN));
        model.addAttribute("standingDown", emergency.status() != EmergencyStatus.ACTIVE);
        model.addAttribute("columns", columns);
        model.addAttribute("openTasks", tasks.stream().filter(t -> t.status().isOpen()).toList());
        model.addAttribute("taskTitles", taskTitles);
        model.addAttribute("teams", tasking.teams(id));
        model.addAttribute("activated", activated);
        model.addAttribute("names", names);
        model.addAttribute("leftBehind", leftBehind);
        model.addAttribute("shifts", tasking.shifts(id));
        model.addAttribute("types", TaskType.values());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("incidentLink", "/incidents/new");
        return "emergency/tasking/board";
    }

    @PostMapping("/emergencies/{id}/tasks")
    String planTask(@PathVariable long id, @RequestParam(required = false) String type, @RequestParam(required = false) String title,
                    @RequestParam(required = false) String description, @RequestParam(required = false) Integer priority,
                    @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                    @RequestParam(required = false) String location, @RequestParam(required = false) String stagingPoint,
                    RedirectAttributes redirect) {
        return act(id, redirect, "tasking.done.task", () -> {
            List<FieldProblem> problems = new ArrayList<>();
            TaskType t = parse(TaskType.class, type, "type", problems);
            Double la = number(lat, "lat", problems);
            Double lo = number(lon, "lon", problems);
            TaskCommand command = new TaskCommand(t, title, description, priority, la, lo, location, stagingPoint);
            if (!problems.isEmpty()) {
                // what could not be read, and what the rules refuse in the rest, at once
                throw new InvalidInputException(merged(problems, tasking.taskProblems(command)));
            }
            return tasking.planTask(id, command);
        });
    }

    @PostMapping("/emergencies/{id}/tasks/{taskId}/status")
    String taskStatus(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) String status,
                      RedirectAttributes redirect) {
        return act(id, redirect, "tasking.done.status", () -> {
            List<FieldProblem> problems = new ArrayList<>();
            TaskStatus s = parse(TaskStatus.class, status, "status", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return tasking.changeTaskStatus(id, taskId, s);
        });
    }

    @PostMapping("/emergencies/{id}/teams")
    String formTeam(@PathVariable long id, @RequestParam(required = false) String name,
                    @RequestParam(required = false) List<Long> memberIds, @RequestParam(required = false) Long leaderMemberId,
                    @RequestParam(required = false) Long taskId, RedirectAttributes redirect) {
        return act(id, redirect, "tasking.done.team", () -> tasking.formTeam(id,
                new TeamCommand(name, memberIds == null ? List.of() : memberIds, leaderMemberId, taskId)));
    }

    @PostMapping("/emergencies/{id}/checkins")
    String checkIn(@PathVariable long id, @RequestParam(required = false) Long memberId,
                   @RequestParam(required = false) String stagingPoint, @RequestParam(defaultValue = "in") String action,
                   RedirectAttributes redirect) {
        boolean out = action.equals("out");
        return act(id, redirect, out ? "tasking.done.checkout" : "tasking.done.checkin",
                () -> out ? tasking.checkOut(id, memberId) : tasking.checkIn(id, memberId, stagingPoint));
    }

    @PostMapping("/emergencies/{id}/shifts")
    String planShift(@PathVariable long id, @RequestParam(required = false) Long memberId,
                     @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                     @RequestParam(required = false) Long taskId, @RequestParam(required = false) String overrideReason,
                     RedirectAttributes redirect) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("memberId", memberId);
        typed.put("startsAt", startsAt);
        typed.put("endsAt", endsAt);
        typed.put("taskId", taskId);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Instant start = instant(startsAt, "startsAt", problems);
            Instant end = instant(endsAt, "endsAt", problems);
            ShiftCommand command = new ShiftCommand(memberId, start, end, taskId, null, overrideReason);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(merged(problems, tasking.shiftProblems(command)));
            }
            tasking.planShift(id, command);
            redirect.addFlashAttribute("done", text("tasking.done.shift"));
        } catch (FatigueRefusedException e) {
            redirect.addFlashAttribute("verdict", e.violations().stream().map(formErrors::text).toList());
            redirect.addFlashAttribute("shiftForm", typed);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problems", problems(e));
            redirect.addFlashAttribute("shiftForm", typed);
        }
        return "redirect:/emergencies/" + id + "/tasks#shifts";
    }

    private String act(long id, RedirectAttributes redirect, String doneKey, Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", text(doneKey));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problems", problems(e));
        }
        return "redirect:/emergencies/" + id + "/tasks";
    }

    /** The refusal in the reader's words: each field's problem, or the conflict, said from its code. */
    private List<String> problems(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(formErrors::text).distinct().toList();
        }
        return List.of(formErrors.text((ConflictException) e));
    }

    /** The problems of what could not be read first; of the rules' problems, those about the other fields. */
    private static List<FieldProblem> merged(List<FieldProblem> unreadable, List<FieldProblem> refused) {
        List<FieldProblem> all = new ArrayList<>(unreadable);
        refused.stream().filter(r -> unreadable.stream().noneMatch(u -> u.field().equals(r.field()))).forEach(all::add);
        return all;
    }

    private String text(String key, Object... args) {
        return formErrors.text(key, args);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "tasking.form.unknownValue"));
            return null;
        }
    }

    private static Double number(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "tasking.form.number", shorten(value)));
            return null;
        }
    }

    private static Instant instant(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).truncatedTo(ChronoUnit.MINUTES).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "tasking.form.dateTime", shorten(value)));
            return null;
        }
    }

    private static String shorten(String value) {
        String clean = value.strip();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
