package kz.qalqan.emergency.tasking;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.FatigueRules;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.MemberContact;
import kz.qalqan.registry.MemberDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tasking in an emergency: coordinators plan tasks, form teams from activated members, record check-in and
 * check-out at the staging point and plan shifts under the fatigue rules (a refusal names the rule and the figures;
 * a coordinator may override it with a reason, audited as FATIGUE_OVERRIDE). Members check themselves in.
 * Watchers of the emergency see the board and the nobody-left-behind list. Every change is audited.
 */
@Service
@Transactional
public class Tasking {

    /** Longest shift anybody may plan, override or not: beyond it the input is a mistake, not a long day. */
    private static final Duration LONGEST_PLANNABLE = Duration.ofHours(48);
    private static final java.time.ZoneId KAZAKHSTAN = java.time.ZoneId.of("Asia/Almaty");
    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final TaskingRepository repository;
    private final Emergencies emergencies;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final FatigueCheck fatigue;
    private final Clock clock;

    Tasking(TaskingRepository repository, Emergencies emergencies, MemberDirectory members, CurrentCaller caller,
            AuditTrail audit, FatigueRules rules, Clock clock) {
        this.repository = repository;
        this.emergencies = emergencies;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.fatigue = new FatigueCheck(rules);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ tasks

    public Task planTask(long emergencyId, TaskCommand command) {
        Emergency emergency = open(emergencyId);
        List<FieldProblem> problems = taskProblems(command);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String title = command.title().strip();
        int priority = command.priority() == null ? 3 : command.priority();
        long id = repository.insertTask(emergencyId, emergency.orgPath(), command, title, priority, actor(), clock.instant());
        audit.record("TASK_PLAN", "emergency.task", Long.toString(id), emergency.orgPath(), null,
                "emergency " + emergencyId + ": " + command.type() + " P" + priority + " " + title);
        return repository.task(emergencyId, id).orElseThrow();
    }

    /** Everything wrong with a task as typed, at once; empty when it may be planned. */
    public List<FieldProblem> taskProblems(TaskCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = command.title() == null ? "" : command.title().strip();
        if (command.type() == null) {
            problems.add(FieldProblem.of("type", "tasking.task.typeRequired"));
        }
        if (title.isEmpty() || title.length() > 200) {
            problems.add(FieldProblem.of("title", "tasking.task.titleInvalid", 200));
        }
        int priority = command.priority() == null ? 3 : command.priority();
        if (priority < 1 || priority > 4) {
            problems.add(FieldProblem.of("priority", "tasking.task.priorityInvalid"));
        }
        if ((command.lat() == null) != (command.lon() == null)) {
            problems.add(FieldProblem.of(command.lat() == null ? "lat" : "lon", "tasking.location.bothOrNeither"));
        }
        if (command.lat() != null && !(command.lat() >= -90 && command.lat() <= 90)) {
            problems.add(FieldProblem.of("lat", "tasking.location.latRange"));
        }
        if (command.lon() != null && !(command.lon() >= -180 && command.lon() <= 180)) {
            problems.add(FieldProblem.of("lon", "tasking.location.lonRange"));
        }
        tooLong(problems, "description", command.description(), 2000);
        tooLong(problems, "location", command.location(), 500);
        tooLong(problems, "stagingPoint", command.stagingPoint(), 500);
        return problems;
    }

    public Task changeTaskStatus(long emergencyId, long taskId, TaskStatus next) {
        Emergency emergency = emergencies.managed(emergencyId);
        Task task = task(emergencyId, taskId);
        if (next == null) {
            throw InvalidInputException.coded("status", "tasking.task.statusRequired");
        }
        if (!task.status().mayBecome(next)) {
            throw ConflictException.coded("status", "tasking.task.statusNotAllowed", task.status().name(), next.name());
        }
        repository.setTaskStatus(taskId, next, clock.instant());
        audit.record("TASK_STATUS", "emergency.task", Long.toString(taskId), emergency.orgPath(), null,
                task.status() + " -> " + next);
        return repository.task(emergencyId, taskId).orElseThrow();
    }

    public List<Task> tasks(long emergencyId) {
        emergencies.find(emergencyId);
        return repository.tasks(emergencyId);
    }

    // ------------------------------------------------------------------ teams

    public Team formTeam(long emergencyId, TeamCommand command) {
        ListLimit.require("memberIds", command.memberIds(), TeamCommand.MAX_MEMBERS);
        Emergency emergency = open(emergencyId);
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidInputException.coded("name", "tasking.team.nameInvalid", 100);
        }
        Set<Long> memberIds = new LinkedHashSet<>(command.memberIds() == null ? List.of() : command.memberIds());
        if (memberIds.contains(null)) {
            throw InvalidInputException.coded("memberIds", "tasking.team.emptyMember");
        }
        if (command.leaderMemberId() != null && !memberIds.contains(command.leaderMemberId())) {
            throw InvalidInputException.coded("leaderMemberId", "tasking.team.leaderNotMember");
        }
        Map<Long, TaskingRepository.Activation> found = repository.activations(emergencyId, memberIds);
        List<TaskingRepository.Activation> activations = memberIds.stream().map(id -> activated(id, found.get(id))).toList();
        Task task = command.taskId() == null ? null : openTask(emergencyId, command.taskId());
        Instant now = clock.instant();
        long teamId = repository.insertTeam(emergencyId, name, command.leaderMemberId(), command.taskId(), actor(), now);
        for (TaskingRepository.Activation a : activations) {
            repository.join(teamId, emergencyId, a.memberId(), a.orgPath(), now);
        }
        if (task != null && task.status() == TaskStatus.PLANNED) {
            repository.setTaskStatus(task.id(), TaskStatus.ASSIGNED, now);
        }
        audit.record("TEAM_FORM", "emergency.team", Long.toString(teamId), emergency.orgPath(), null,
                "emergency " + emergencyId + ": " + name + ", members " + memberIds
                        + (command.leaderMemberId() == null ? "" : ", leader " + command.leaderMemberId())
                        + (task == null ? "" : ", task " + task.id()));
        return team(emergencyId, teamId);
    }

    /** Adds an activated member to the team; a member of another team of this emergency moves. */
    public Team addToTeam(long emergencyId, long teamId, Long memberId, boolean leader) {
        Emergency emergency = open(emergencyId);
        TaskingRepository.TeamRow team = teamRow(emergencyId, teamId);
        if (memberId == null) {
            throw InvalidInputException.coded("memberId", "tasking.member.required");
        }
        TaskingRepository.Activation a = activated(emergencyId, memberId);
        Long previous = repository.currentTeam(emergencyId, memberId).orElse(null);
        repository.join(teamId, emergencyId, memberId, a.orgPath(), clock.instant());
        if (leader) {
            repository.setLeader(teamId, memberId);
        }
        audit.record("TEAM_JOIN", "emergency.team", Long.toString(team.id()), a.orgPath(), null,
                "member " + memberId + (previous != null && previous != teamId ? " moved from team " + previous : "")
                        + (leader ? " as leader" : "") + " (emergency " + emergency.id() + ")");
        return team(emergencyId, teamId);
    }

    /** Gives the team a task (an open one of this emergency; PLANNED becomes ASSIGNED), or takes it away (null). */
    public Team assignTask(long emergencyId, long teamId, Long taskId) {
        Emergency emergency = open(emergencyId);
        teamRow(emergencyId, teamId);
        Task task = taskId == null ? null : openTask(emergencyId, taskId);
        repository.setTeamTask(teamId, taskId);
        if (task != null && task.status() == TaskStatus.PLANNED) {
            repository.setTaskStatus(taskId, TaskStatus.ASSIGNED, clock.instant());
        }
        audit.record("TEAM_TASK", "emergency.team", Long.toString(teamId), emergency.orgPath(), null,
                taskId == null ? "no task" : "task " + taskId);
        return team(emergencyId, teamId);
    }

    public List<Team> teams(long emergencyId) {
        emergencies.find(emergencyId);
        List<TaskingRepository.TeamRow> rows = repository.teams(emergencyId);
        List<TaskingRepository.Membership> memberships = repository.memberships(emergencyId);
        Map<Long, MemberContact> contacts = contacts(memberships.stream().map(TaskingRepository.Membership::memberId).toList());
        return rows.stream().map(r -> team(r, memberships, contacts)).toList();
    }

    /** Activated members of the emergency (ACCEPTED first) with the names the caller may see; for forms. */
    public List<MemberContact> activatedMembers(long emergencyId) {
        emergencies.find(emergencyId);
        List<Long> ids = repository.activated(emergencyId).stream().map(TaskingRepository.Activation::memberId).toList();
        Map<Long, MemberContact> contacts = contacts(ids);
        return ids.stream().map(contacts::get).filter(java.util.Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------ check-in / check-out

    /** A coordinator records that an activated member arrived at the staging point. */
    public CheckIn checkIn(long emergencyId, Long memberId, String stagingPoint) {
        Emergency emergency = open(emergencyId);
        if (memberId == null) {
            throw InvalidInputException.coded("memberId", "tasking.member.required");
        }
        return doCheckIn(emergency.id(), activated(emergencyId, memberId), stagingPoint, false);
    }

    /** A coordinator records that a member left the staging point (also after stand-down). */
    public CheckIn checkOut(long emergencyId, Long memberId) {
        Emergency emergency = emergencies.managed(emergencyId);
        if (memberId == null) {
            throw InvalidInputException.coded("memberId", "tasking.member.required");
        }
        return doCheckOut(emergency.id(), emergency.status(), memberId);
    }

    /** The signed-in member checks in to an emergency they are activated for; 404 for anyone else. */
    public CheckIn checkInSelf(long emergencyId, String stagingPoint) {
        TaskingRepository.Activation a = ownActivation(emergencyId);
        EmergencyStatus status = repository.emergencyStatus(emergencyId);
        if (status != EmergencyStatus.ACTIVE) {
            throw ConflictException.coded("status", "tasking.checkin.closed", String.valueOf(status));
        }
        if (!a.activated()) {
            throw ConflictException.coded("memberId", "tasking.checkin.notActivated", a.status());
        }
        return doCheckIn(emergencyId, a, stagingPoint, true);
    }

    /** The signed-in member's own view of an emergency they are activated for (title, whether checked in); 404 otherwise. */
    @Transactional(readOnly = true)
    public SelfView self(long emergencyId) {
        TaskingRepository.Activation a = ownActivation(emergencyId);
        return new SelfView(emergencyId, repository.emergencyTitle(emergencyId), repository.emergencyStatus(emergencyId),
                a.status(), repository.openCheckIn(emergencyId, a.memberId()).orElse(null));
    }

    /** What a member sees of an emergency they are called up for. */
    public record SelfView(long emergencyId, String title, EmergencyStatus status, String activation, CheckIn checkIn) {
        public boolean mayCheckIn() {
            return status == EmergencyStatus.ACTIVE && checkIn == null
                    && (activation.equals("ORDERED") || activation.equals("ACCEPTED"));
        }
    }

    public CheckIn checkOutSelf(long emergencyId) {
        TaskingRepository.Activation a = ownActivation(emergencyId);
        return doCheckOut(emergencyId, repository.emergencyStatus(emergencyId), a.memberId());
    }

    public List<CheckIn> checkIns(long emergencyId) {
        String path = emergencies.find(emergencyId).orgPath();
        List<CheckIn> list = repository.checkIns(emergencyId);
        audit.record("CHECKIN_READ", "emergency", Long.toString(emergencyId), path, null, "check-ins " + list.size());
        return list;
    }

    private CheckIn doCheckIn(long emergencyId, TaskingRepository.Activation a, String stagingPoint, boolean self) {
        String point = stagingPoint == null || stagingPoint.isBlank() ? null : stagingPoint.strip();
        if (point != null && point.length() > 500) {
            throw InvalidInputException.coded("stagingPoint", "tasking.text.tooLong", 500);
        }
        repository.openCheckIn(emergencyId, a.memberId()).ifPresent(open -> {
            throw ConflictException.coded("memberId", "tasking.checkin.already", a.memberId(),
                    MINUTE.format(open.checkedInAt().atZone(KAZAKHSTAN)));
        });
        if (point == null) {
            point = repository.currentTeam(emergencyId, a.memberId())
                    .flatMap(team -> repository.team(emergencyId, team))
                    .map(TaskingRepository.TeamRow::taskId)
                    .flatMap(task -> repository.task(emergencyId, task))
                    .map(Task::stagingPoint).orElse(null);
        }
        Instant now = clock.instant();
        long id = repository.insertCheckIn(emergencyId, a.memberId(), a.orgPath(), point, now, actor(), self);
        repository.markArrived(emergencyId, a.memberId(), now);
        audit.record(self ? "CHECK_IN_SELF" : "CHECK_IN", "member", Long.toString(a.memberId()), a.orgPath(), null,
                "emergency " + emergencyId + (point == null ? "" : " at " + point));
        return repository.checkIn(id).orElseThrow();
    }

    private CheckIn doCheckOut(long emergencyId, EmergencyStatus status, long memberId) {
        if (status != EmergencyStatus.ACTIVE && status != EmergencyStatus.STOOD_DOWN) {
            throw ConflictException.coded("status", "tasking.checkout.closed", String.valueOf(status));
        }
        CheckIn open = repository.openCheckIn(emergencyId, memberId)
                .orElseThrow(() -> ConflictException.coded("memberId", "tasking.checkout.notCheckedIn", memberId));
        repository.checkOut(open.id(), clock.instant(), actor());
        String orgPath = repository.activation(emergencyId, memberId).map(TaskingRepository.Activation::orgPath).orElse(null);
        audit.record("CHECK_OUT", "member", Long.toString(memberId), orgPath, null, "emergency " + emergencyId);
        return repository.checkIn(open.id()).orElseThrow();
    }

    private TaskingRepository.Activation ownActivation(long emergencyId) {
        Long me = caller.get().memberId();
        NotFoundException notYours = new NotFoundException("No emergency " + emergencyId + " you are called up for");
        if (me == null) {
            throw notYours;
        }
        return repository.activation(emergencyId, me).orElseThrow(() -> notYours);
    }

    // ------------------------------------------------------------------ shifts

    /** What the fatigue rules say about a shift, without planning it. */
    public List<FatigueViolation> checkShift(long emergencyId, ShiftCommand command) {
        emergencies.managed(emergencyId);
        validate(emergencyId, command);
        activated(emergencyId, command.memberId());
        return violations(command);
    }

    /**
     * Plans a shift. Fatigue violations refuse it (409 naming the rule and figures) unless an override reason is
     * given: then the shift is stored with the reason and the override is audited.
     */
    public Shift planShift(long emergencyId, ShiftCommand command) {
        Emergency emergency = open(emergencyId);
        validate(emergencyId, command);
        TaskingRepository.Activation a = activated(emergencyId, command.memberId());
        // one planner at a time per member, so that two shifts planned at once are checked against each other
        repository.lockActivation(emergencyId, a.memberId());
        List<FatigueViolation> violations = violations(command);
        String reason = command.overrideReason() == null || command.overrideReason().isBlank() ? null
                : command.overrideReason().strip();
        if (!violations.isEmpty() && reason == null) {
            throw new FatigueRefusedException(violations);
        }
        long id = repository.insertShift(emergencyId, a.memberId(), a.orgPath(), command,
                violations.isEmpty() ? null : reason, actor(), clock.instant());
        audit.record("SHIFT_PLAN", "emergency.shift", Long.toString(id), a.orgPath(), null,
                "member " + a.memberId() + " " + command.startsAt() + " - " + command.endsAt() + " (emergency " + emergency.id() + ")");
        if (!violations.isEmpty()) {
            audit.record("FATIGUE_OVERRIDE", "emergency.shift", Long.toString(id), a.orgPath(), reason,
                    violations.stream().map(v -> v.rule() + ": " + v.message()).collect(Collectors.joining("; ")));
        }
        return repository.shifts(emergencyId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    public List<Shift> shifts(long emergencyId) {
        String path = emergencies.find(emergencyId).orgPath();
        List<Shift> list = repository.shifts(emergencyId);
        audit.record("SHIFT_READ", "emergency", Long.toString(emergencyId), path, null, "shifts " + list.size());
        return list;
    }

    private List<FatigueViolation> violations(ShiftCommand command) {
        Duration margin = FatigueCheck.WEEK.plusDays(1);
        List<FatigueCheck.Span> existing = repository.spans(command.memberId(), command.startsAt().minus(margin),
                command.endsAt().plus(margin));
        return fatigue.check(existing, new FatigueCheck.Span(command.startsAt(), command.endsAt()));
    }

    private void validate(long emergencyId, ShiftCommand command) {
        List<FieldProblem> problems = shiftProblems(command);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (command.taskId() != null) {
            task(emergencyId, command.taskId());
        }
        if (command.teamId() != null) {
            teamRow(emergencyId, command.teamId());
        }
    }

    /** Everything wrong with a shift as typed (not the fatigue rules), at once; empty when it may be checked. */
    public List<FieldProblem> shiftProblems(ShiftCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.memberId() == null) {
            problems.add(FieldProblem.of("memberId", "tasking.member.required"));
        }
        if (command.startsAt() == null) {
            problems.add(FieldProblem.of("startsAt", "tasking.shift.startRequired"));
        }
        if (command.endsAt() == null) {
            problems.add(FieldProblem.of("endsAt", "tasking.shift.endRequired"));
        } else if (command.startsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
            problems.add(FieldProblem.of("endsAt", "tasking.shift.endBeforeStart"));
        } else if (command.startsAt() != null
                && Duration.between(command.startsAt(), command.endsAt()).compareTo(LONGEST_PLANNABLE) > 0) {
            problems.add(FieldProblem.of("endsAt", "tasking.shift.tooLong", LONGEST_PLANNABLE.toHours()));
        }
        tooLong(problems, "overrideReason", command.overrideReason(), 1000);
        return problems;
    }

    // ------------------------------------------------------------------ nobody left behind

    /** Everyone checked in and not checked out, with last team, task, staging point and contacts (audited). */
    public LeftBehind leftBehind(long emergencyId) {
        String path = emergencies.find(emergencyId).orgPath();
        List<TaskingRepository.OpenCheckIn> open = repository.openCheckIns(emergencyId);
        Map<Long, MemberContact> contacts = contacts(open.stream().map(TaskingRepository.OpenCheckIn::memberId).toList());
        List<LeftBehind.Person> people = open.stream().map(o -> {
            MemberContact c = contacts.get(o.memberId());
            return new LeftBehind.Person(o.memberId(), c == null ? null : c.fullName(), c == null ? null : c.phone(),
                    c == null ? null : c.email(), o.checkedInAt(), o.stagingPoint(), o.teamId(), o.teamName(), o.taskId(),
                    o.taskTitle());
        }).toList();
        var report = repository.lastLeftBehindReport(emergencyId);
        audit.record("LEFT_BEHIND_READ", "emergency", Long.toString(emergencyId), path, null, "people " + people.size());
        return new LeftBehind(emergencyId, people, report.map(Map.Entry::getKey).orElse(null),
                report.map(Map.Entry::getValue).orElse(null));
    }

    /** Figures for the SITREP (the caller has been checked by it): tasks by status, people still checked in. */
    @Transactional(readOnly = true)
    public Map<TaskStatus, Long> taskCounts(long emergencyId) {
        return repository.taskCounts(emergencyId);
    }

    @Transactional(readOnly = true)
    public int leftBehindCount(long emergencyId) {
        return repository.openCheckInCount(emergencyId);
    }

    // ------------------------------------------------------------------ helpers

    private Emergency open(long emergencyId) {
        Emergency emergency = emergencies.managed(emergencyId);
        if (emergency.status() != EmergencyStatus.ACTIVE) {
            throw ConflictException.coded("status", "tasking.emergency.notActive", emergency.status().name());
        }
        return emergency;
    }

    private TaskingRepository.Activation activated(long emergencyId, long memberId) {
        return activated(memberId, repository.activation(emergencyId, memberId).orElse(null));
    }

    private static TaskingRepository.Activation activated(long memberId, TaskingRepository.Activation a) {
        if (a == null) {
            throw ConflictException.coded("memberId", "tasking.member.notActivated", memberId);
        }
        if (!a.activated()) {
            throw ConflictException.coded("memberId", "tasking.member.notActivated", memberId, a.status());
        }
        return a;
    }

    private Task task(long emergencyId, long taskId) {
        return repository.task(emergencyId, taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
    }

    private Task openTask(long emergencyId, long taskId) {
        Task task = task(emergencyId, taskId);
        if (!task.status().isOpen()) {
            throw ConflictException.coded("taskId", "tasking.task.closed", taskId, task.status().name());
        }
        return task;
    }

    private TaskingRepository.TeamRow teamRow(long emergencyId, long teamId) {
        return repository.team(emergencyId, teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
    }

    private Team team(long emergencyId, long teamId) {
        TaskingRepository.TeamRow row = teamRow(emergencyId, teamId);
        List<TaskingRepository.Membership> memberships = repository.memberships(emergencyId).stream()
                .filter(m -> m.teamId() == teamId).toList();
        return team(row, memberships, contacts(memberships.stream().map(TaskingRepository.Membership::memberId).toList()));
    }

    private static Team team(TaskingRepository.TeamRow row, List<TaskingRepository.Membership> memberships,
                             Map<Long, MemberContact> contacts) {
        List<Team.TeamMember> list = memberships.stream().filter(m -> m.teamId() == row.id())
                .map(m -> new Team.TeamMember(m.memberId(),
                        contacts.containsKey(m.memberId()) ? contacts.get(m.memberId()).fullName() : null, m.joinedAt()))
                .toList();
        return new Team(row.id(), row.emergencyId(), row.name(), row.leaderMemberId(), row.taskId(), list,
                row.createdBy(), row.createdAt());
    }

    private Map<Long, MemberContact> contacts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return members.contacts(new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(MemberContact::id, Function.identity(), (a, b) -> a));
    }

    private String actor() {
        return caller.get().username();
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "tasking.text.tooLong", max));
        }
    }
}
