package kz.qalqan.training;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.Coded;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberNotFoundException;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitNotFoundException;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import kz.qalqan.shared.WorkIntensity;
import kz.qalqan.training.internal.EventRepository;
import kz.qalqan.training.internal.EventRules;
import kz.qalqan.training.internal.KazakhOrder;
import kz.qalqan.training.internal.QualificationPolicy;
import kz.qalqan.training.internal.QualificationRepository;
import kz.qalqan.training.internal.StartPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training events of units: planning, the PLANNED → STARTED → COMPLETED (or CANCELLED) life cycle,
 * enrolment within capacity, and attendance with session RPE. Trainers (ADMIN, COMMANDER,
 * TRAINING_OFFICER) change events of units in their scope; the roles that read the register see them.
 * Starting and recording attendance pass the {@link StartPolicy}. Each attendance write is audited and
 * publishes {@link AttendanceRecorded}; a PASS awards the event's qualifications through
 * {@link Qualifications}, and an award the qualification policy refuses is reported, not fatal.
 */
@Service
@Transactional
public class TrainingEvents {

    static final Role[] TRAINERS = {Role.ADMIN, Role.COMMANDER, Role.TRAINING_OFFICER};
    static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    static final String OUT_OF_SCOPE = "training.event.outOfScope";
    static final String UNKNOWN_UNIT = "training.event.unknownUnit";
    static final String UNKNOWN_INSTRUCTOR = "training.event.unknownInstructor";
    /** The longest window one listing covers. */
    public static final int MAX_LIST = 2000;

    private final EventRepository events;
    private final QualificationRepository qualificationRepository;
    private final Qualifications qualifications;
    private final StartPolicy startPolicy;
    private final OrgStructure org;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ObjectProvider<EnrolmentScreen> screens;

    TrainingEvents(EventRepository events, QualificationRepository qualificationRepository,
                   Qualifications qualifications, StartPolicy startPolicy, OrgStructure org, MemberDirectory members,
                   CurrentCaller caller, AuditTrail audit, ApplicationEventPublisher publisher, Clock clock,
                   ObjectProvider<EnrolmentScreen> screens) {
        this.screens = screens;
        this.events = events;
        this.qualificationRepository = qualificationRepository;
        this.qualifications = qualifications;
        this.startPolicy = startPolicy;
        this.org = org;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Every problem {@link #create} would find in the command (registry checks included), without saving. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<FieldProblem> problems(EventCommand command) {
        List<FieldProblem> problems = new ArrayList<>(EventRules.check(command, catalogueCodes(),
                org.region(command.regionCode()).isPresent()));
        if (command.unitId() != null) {
            try {
                Unit unit = org.unit(command.unitId());
                if (!trainerScope().covers(unit.orgPath())) {
                    problems.add(FieldProblem.of("unitId", OUT_OF_SCOPE));
                }
            } catch (UnitNotFoundException e) {
                problems.add(FieldProblem.of("unitId", UNKNOWN_UNIT, String.valueOf(command.unitId())));
            }
        }
        if (command.instructorId() != null) {
            try {
                members.find(command.instructorId());
            } catch (MemberNotFoundException e) {
                problems.add(FieldProblem.of("instructorId", UNKNOWN_INSTRUCTOR, String.valueOf(command.instructorId())));
            }
        }
        return problems;
    }

    public TrainingEvent create(EventCommand command, String actor) {
        EventRepository.Row row = checked(command);
        long id = events.insert(row, actor, clock.instant());
        audit.record("TRAINING_EVENT_CREATE", "training_event", Long.toString(id), row.orgPath(), null,
                row.title() + " " + row.startsAt());
        return events.find(id).orElseThrow();
    }

    public TrainingEvent update(long id, EventCommand command, String actor) {
        TrainingEvent current = writable(id);
        if (current.status() == EventStatus.COMPLETED || current.status() == EventStatus.CANCELLED) {
            throw ConflictException.coded("status", "training.event.closed", current.status().name());
        }
        EventRepository.Row row = checked(command);
        if (row.capacity() < current.enrolled()) {
            throw InvalidInputException.coded("capacity", "training.event.capacityBelowEnrolled", current.enrolled());
        }
        events.update(id, row, clock.instant());
        audit.record("TRAINING_EVENT_UPDATE", "training_event", Long.toString(id), row.orgPath(), null, row.title());
        return events.find(id).orElseThrow();
    }

    /** An event the caller may see; out of scope is as absent as missing (404). */
    public TrainingEvent find(long id) {
        TrainingEvent event = events.find(id).orElseThrow(() -> notFound(id));
        if (!readerScope().covers(event.orgPath())) {
            throw notFound(id);
        }
        return event;
    }

    /** Whether the caller may change the event (for pages to show or hide the forms). */
    public boolean canChange(TrainingEvent event) {
        return trainerScope().covers(event.orgPath());
    }

    public List<TrainingEvent> search(EventSearch search) {
        String prefix = null;
        if (search.unitId() != null) {
            prefix = org.unit(search.unitId()).orgPath();
        }
        return events.search(prefix, !search.includeSubunits(), search.unitId(), search.from(), search.to(),
                search.status(), readerScope(), MAX_LIST);
    }

    public TrainingEvent start(long id) {
        TrainingEvent event = writable(id);
        if (startPolicy.start(event) instanceof StartPolicy.Refused refused) {
            throw refusal("status", refused.reasons());
        }
        return transition(event, EventStatus.PLANNED, EventStatus.STARTED, "TRAINING_EVENT_START");
    }

    public TrainingEvent complete(long id) {
        TrainingEvent event = writable(id);
        if (event.status() != EventStatus.STARTED) {
            throw ConflictException.coded("status", "training.event.notStarted", event.status().name());
        }
        return transition(event, EventStatus.STARTED, EventStatus.COMPLETED, "TRAINING_EVENT_COMPLETE");
    }

    public TrainingEvent cancel(long id) {
        TrainingEvent event = writable(id);
        if (event.status() != EventStatus.PLANNED && event.status() != EventStatus.STARTED) {
            throw ConflictException.coded("status", "training.event.notCancellable", event.status().name());
        }
        return transition(event, event.status(), EventStatus.CANCELLED, "TRAINING_EVENT_CANCEL");
    }

    private TrainingEvent transition(TrainingEvent event, EventStatus from, EventStatus to, String action) {
        if (!events.changeStatus(event.id(), from, to, clock.instant())) {
            throw ConflictException.coded("status", "training.event.changedMeanwhile");
        }
        audit.record(action, "training_event", Long.toString(event.id()), event.orgPath(), null, from + " -> " + to);
        return events.find(event.id()).orElseThrow();
    }

    /** Enrols a member without confirming risk flags: a member with flags is refused until they are confirmed. */
    public Enrolment enrol(long eventId, long memberId, String actor) {
        return enrol(eventId, memberId, false, actor);
    }

    /**
     * Enrols an active member the caller may see; refuses a full event, a second enrolment, a closed event.
     * Every {@link EnrolmentScreen} is asked: a refusal is a 409 with its reason; warnings are a 409
     * ({@link FlagsNeedConfirmationException}) unless {@code confirmFlags}, and a confirmed enrolment records
     * the warnings confirmed in the audit trail.
     */
    public Enrolment enrol(long eventId, long memberId, boolean confirmFlags, String actor) {
        TrainingEvent event = writable(eventId);
        events.lock(eventId);
        event = events.find(eventId).orElseThrow();
        if (event.status() == EventStatus.COMPLETED || event.status() == EventStatus.CANCELLED) {
            throw ConflictException.coded("status", "training.enrol.closed", event.status().name());
        }
        Member member = members.find(memberId);
        if (member.status() != MemberStatus.ACTIVE) {
            throw ConflictException.coded("memberId", "training.enrol.notActive", member.status().name());
        }
        if (events.enrolled(eventId, memberId)) {
            throw ConflictException.coded("memberId", "training.enrol.already");
        }
        if (event.full()) {
            throw ConflictException.coded("capacity", "training.enrol.full", event.capacity());
        }
        EnrolmentScreen.Screening screening = screening(event, memberId);
        List<Coded> refusals = screening.refusals();
        List<Coded> warnings = screening.warnings();
        if (!refusals.isEmpty()) {
            throw refusal("memberId", refusals);
        }
        if (!warnings.isEmpty() && !confirmFlags) {
            throw new FlagsNeedConfirmationException(warnings);
        }
        events.enrol(eventId, memberId, member.fullName(), member.orgPath(), actor, clock.instant());
        audit.record("TRAINING_ENROL", "member", Long.toString(memberId), member.orgPath(), null, "event " + eventId);
        if (!warnings.isEmpty()) {
            audit.record("TRAINING_ENROL_FLAGS_CONFIRMED", "member", Long.toString(memberId), member.orgPath(), null,
                    "event " + eventId + ", confirmed: " + warnings.stream().map(Coded::code).collect(Collectors.joining("; ")));
        }
        return events.enrolment(eventId, memberId).orElseThrow();
    }

    /**
     * What the enrolment screens say about enrolling this member (for a confirmation step before {@link #enrol});
     * the caller must be able to change the event and see the member.
     */
    public EnrolmentScreen.Screening screen(long eventId, long memberId) {
        TrainingEvent event = writable(eventId);
        members.find(memberId);
        return screening(event, memberId);
    }

    private EnrolmentScreen.Screening screening(TrainingEvent event, long memberId) {
        List<Coded> refusals = new ArrayList<>();
        List<Coded> warnings = new ArrayList<>();
        for (EnrolmentScreen screen : screens.orderedStream().toList()) {
            EnrolmentScreen.Screening screening = screen.screen(event, memberId);
            refusals.addAll(screening.refusals());
            warnings.addAll(screening.warnings());
        }
        return new EnrolmentScreen.Screening(refusals, warnings);
    }

    /** Removes an enrolment that has no attendance yet. */
    public void withdraw(long eventId, long memberId) {
        TrainingEvent event = writable(eventId);
        String path = events.memberPath(eventId, memberId)
                .orElseThrow(() -> new NotFoundException("member " + memberId + " is not enrolled in event " + eventId));
        if (!events.withdraw(eventId, memberId)) {
            throw ConflictException.coded("memberId", "training.withdraw.attended");
        }
        audit.record("TRAINING_WITHDRAW", "member", Long.toString(memberId), path, null, "event " + event.id());
    }

    /** The enrolled members with their attendance; the read of these people is audited. */
    public List<Enrolment> enrolments(long eventId) {
        TrainingEvent event = find(eventId);
        List<Enrolment> list = events.enrolments(eventId).stream()
                .sorted(java.util.Comparator.comparing(Enrolment::memberName, KazakhOrder.names())).toList();
        if (!list.isEmpty()) {
            audit.record("TRAINING_ENROLMENT_READ", "training_event", Long.toString(eventId), event.orgPath(), null,
                    list.size() + " members");
        }
        return list;
    }

    /**
     * Records (or corrects) one enrolled member's attendance. Publishes {@link AttendanceRecorded}; a PASS
     * awards each of the event's qualifications that the member does not already hold from this event.
     */
    public AttendanceOutcome recordAttendance(long eventId, long memberId, AttendanceCommand command, String actor) {
        TrainingEvent event = writable(eventId);
        if (startPolicy.recordAttendance(event) instanceof StartPolicy.Refused refused) {
            throw refusal("status", refused.reasons());
        }
        String memberPath = events.memberPath(eventId, memberId)
                .orElseThrow(() -> new NotFoundException("member " + memberId + " is not enrolled in event " + eventId));
        int eventMinutes = (int) Math.min(1440, Duration.between(event.startsAt(), event.endsAt()).toMinutes());
        EventRules.AttendanceOutcome outcome = EventRules.check(command, eventMinutes);
        if (outcome instanceof EventRules.Rejected rejected) {
            throw new InvalidInputException(rejected.problems());
        }
        EventRules.CheckedAttendance a = ((EventRules.Accepted) outcome).attendance();
        events.recordAttendance(eventId, memberId, a, actor, clock.instant());
        boolean present = a.attendance() == AttendanceStatus.PRESENT;
        LocalDate day = LocalDate.ofInstant(event.startsAt(), Qualifications.KAZAKHSTAN);
        audit.record("TRAINING_ATTENDANCE", "member", Long.toString(memberId), memberPath, null,
                "event " + eventId + ": " + a.attendance()
                        + (present ? " " + a.durationMinutes() + " min" + (a.sessionRpe() == null ? "" : " RPE " + a.sessionRpe()) : "")
                        + " " + a.result());
        publisher.publishEvent(new AttendanceRecorded(eventId, memberId, event.unitId(), event.activityType(), day,
                present, present ? a.durationMinutes() : 0, a.sessionRpe(), present ? personDays(event) : 0));
        List<String> awarded = new ArrayList<>();
        List<AttendanceOutcome.RefusedAward> refused = new ArrayList<>();
        if (a.result() == TrainingResult.PASS) {
            award(event, memberId, actor, awarded, refused);
        }
        return new AttendanceOutcome(events.enrolment(eventId, memberId).orElseThrow(), awarded, refused);
    }

    private void award(TrainingEvent event, long memberId, String actor, List<String> awarded,
                       List<AttendanceOutcome.RefusedAward> refused) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Qualifications.KAZAKHSTAN);
        LocalDate eventDay = LocalDate.ofInstant(event.endsAt().minusNanos(1), Qualifications.KAZAKHSTAN);
        LocalDate awardedOn = eventDay.isAfter(today) ? today : eventDay;
        for (String code : event.awards()) {
            List<MemberQualification> held = qualificationRepository.held(memberId, today);
            if (held.stream().anyMatch(q -> q.code().equals(code) && event.reference().equals(q.awardingEvent()))) {
                continue; // a corrected attendance does not award twice
            }
            AwardCommand command = new AwardCommand(code, awardedOn, null,
                    "Training event " + event.id() + ": " + event.title(), event.reference());
            // checked here first: an exception thrown through the transactional Qualifications would mark
            // this whole transaction for rollback, and a refused award must not undo the attendance
            QualificationPolicy.Outcome outcome = QualificationPolicy.check(command,
                    qualificationRepository.qualification(code),
                    held.stream().map(q -> new QualificationPolicy.Held(q.code(), q.awardedOn(), q.expiresOn())).toList(),
                    today);
            if (outcome instanceof QualificationPolicy.Rejected rejected) {
                refused.add(new AttendanceOutcome.RefusedAward(code,
                        rejected.problems().stream().map(AttendanceOutcome.Reason::of).toList()));
            } else {
                qualifications.award(memberId, command, actor);
                awarded.add(code);
            }
        }
    }

    /** Kazakhstan calendar days the event touches (an end at midnight does not count the next day); at least 1. */
    public static int personDays(TrainingEvent event) {
        ZonedDateTime start = event.startsAt().atZone(Qualifications.KAZAKHSTAN);
        ZonedDateTime end = event.endsAt().atZone(Qualifications.KAZAKHSTAN);
        long days = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate())
                + (end.toLocalTime().equals(LocalTime.MIDNIGHT) ? 0 : 1);
        return (int) Math.max(1, days);
    }

    private EventRepository.Row checked(EventCommand command) {
        ListLimit.require("awards", command.awards(), EventCommand.MAX_AWARDS);
        List<FieldProblem> problems = EventRules.check(command, catalogueCodes(), org.region(command.regionCode()).isPresent());
        Unit unit = null;
        if (command.unitId() != null) {
            try {
                unit = org.unit(command.unitId());
            } catch (UnitNotFoundException e) {
                problems = append(problems, FieldProblem.of("unitId", UNKNOWN_UNIT, String.valueOf(command.unitId())));
            }
        }
        if (command.instructorId() != null) {
            try {
                members.find(command.instructorId());
            } catch (MemberNotFoundException e) {
                problems = append(problems, FieldProblem.of("instructorId", UNKNOWN_INSTRUCTOR, String.valueOf(command.instructorId())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!trainerScope().covers(unit.orgPath())) {
            throw ForbiddenException.coded(OUT_OF_SCOPE);
        }
        List<String> awards = command.awards() == null ? List.of()
                : command.awards().stream().map(String::trim).distinct().toList();
        String place = command.placeName() == null || command.placeName().isBlank() ? null : command.placeName().trim();
        return new EventRepository.Row(unit.id(), unit.code(), unit.orgPath(), command.title().trim(),
                ActivityType.parse(command.activityType()).orElseThrow(),
                WorkIntensity.parse(command.intensity()).orElseThrow(), command.startsAt(), command.endsAt(),
                org.region(command.regionCode()).orElseThrow().code(), command.lat(), command.lon(), place,
                command.instructorId(), command.capacity(), awards);
    }

    private static List<FieldProblem> append(List<FieldProblem> list, FieldProblem p) {
        List<FieldProblem> copy = new ArrayList<>(list);
        copy.add(p);
        return copy;
    }

    /** The first reason a rule or screen gave, as the conflict; the others are its consequences or repeat it. */
    private static ConflictException refusal(String field, List<Coded> reasons) {
        Coded first = reasons.get(0);
        return ConflictException.coded(field, first.code(), first.argsArray());
    }

    private Set<String> catalogueCodes() {
        return qualificationRepository.catalogue().stream().map(Qualification::code).collect(Collectors.toSet());
    }

    private TrainingEvent writable(long id) {
        TrainingEvent event = find(id);
        if (!trainerScope().covers(event.orgPath())) {
            throw ForbiddenException.coded("training.event.notTrainer");
        }
        return event;
    }

    private Scope readerScope() {
        return caller.get().scopeFor(READERS);
    }

    private Scope trainerScope() {
        return caller.get().scopeFor(TRAINERS);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No training event " + id);
    }
}
