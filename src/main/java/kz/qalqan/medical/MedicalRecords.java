package kz.qalqan.medical;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.medical.internal.MedicalClassPolicy;
import kz.qalqan.medical.internal.MedicalProperties;
import kz.qalqan.medical.internal.MedicalRepository;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.security.Confidentiality;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.security.Sensitivity;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Members' medical readiness. Members are looked up through the registry (out of scope is 404, audited).
 * Every status read is audited as MEDICAL_READ; when the caller sees the confidential details (a medical
 * officer in scope, or the member themselves) the entry carries the reason they gave, which the UX asks
 * for but which is not enforced: without one the read is answered and recorded with a null reason.
 * Exams and profiles are recorded only by a MEDICAL_OFFICER over the member (ADMIN is not a medical role).
 */
@Service
@Transactional
public class MedicalRecords {

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final MedicalRepository repository;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MedicalProperties properties;

    MedicalRecords(MedicalRepository repository, MemberDirectory members, CurrentCaller caller, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock, MedicalProperties properties) {
        this.repository = repository;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The member's status today, redacted for the caller; {@code reason} is why medical details are opened. */
    public MedicalStatus status(long memberId, String reason) {
        Member member = members.find(memberId);
        Caller current = caller.get();
        boolean details = Confidentiality.mayRead(current, Sensitivity.MEDICAL, member.orgPath(), memberId);
        String given = reason == null || reason.isBlank() ? null : reason.trim();
        audit.record("MEDICAL_READ", "member", Long.toString(memberId), member.orgPath(), details ? given : null,
                details ? "medical status with details" : "medical status without details");
        return Confidentiality.redact(compute(memberId), current, member.orgPath(), memberId);
    }

    /**
     * As {@link #status}, for rules that must weigh the restrictions whoever asks (risk flags, enrolment screening):
     * the restriction codes and load limits stay, diagnosis and reasons are redacted. The caller of this method must
     * not show the codes to anyone {@link Confidentiality#mayRead} refuses for {@link Sensitivity#MEDICAL}.
     */
    public MedicalStatus screening(long memberId, String reason) {
        Member member = members.find(memberId);
        Caller current = caller.get();
        audit.record("MEDICAL_READ", "member", Long.toString(memberId), member.orgPath(), null,
                "restrictions for screening" + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()));
        MedicalStatus full = compute(memberId);
        MedicalStatus shown = Confidentiality.redact(full, current, member.orgPath(), memberId);
        List<ProfileView> profiles = new ArrayList<>(full.profiles().size());
        for (int i = 0; i < full.profiles().size(); i++) {
            ProfileView p = full.profiles().get(i);
            profiles.add(new ProfileView(p.restrictions(), p.maxLoadKg(), p.startsOn(), p.endsOn(),
                    shown.profiles().get(i).reason()));
        }
        return new MedicalStatus(memberId, full.medicalClass(), full.validUntil(), full.unfitUntil(),
                full.activeRestrictions(), full.maxLoadKg(), full.lastExamOn(), shown.latestDiagnosis(), profiles);
    }

    /** Records a periodic exam; publishes {@link MedicalStatusChanged} when the class changes. */
    public MedicalStatus recordExam(long memberId, ExamCommand command, String actor) {
        Member member = writable(memberId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = today();
        ExamResult result = null;
        if (command.result() == null || command.result().isBlank()) {
            problems.add(FieldProblem.of("result", "medical.exam.resultRequired"));
        } else {
            try {
                result = ExamResult.valueOf(command.result().trim());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("result", "medical.exam.resultUnknown"));
            }
        }
        if (command.examinedOn() == null) {
            problems.add(FieldProblem.of("examinedOn", "medical.exam.dateRequired"));
        } else if (command.examinedOn().isAfter(today)) {
            problems.add(FieldProblem.of("examinedOn", "medical.exam.dateInFuture"));
        }
        if (result == ExamResult.TEMPORARILY_UNFIT) {
            if (command.unfitUntil() == null) {
                problems.add(FieldProblem.of("unfitUntil", "medical.exam.unfitUntilRequired"));
            } else if (command.examinedOn() != null && !command.unfitUntil().isAfter(command.examinedOn())) {
                problems.add(FieldProblem.of("unfitUntil", "medical.exam.unfitUntilNotAfterExam"));
            }
        } else if (result != null && command.unfitUntil() != null) {
            problems.add(FieldProblem.of("unfitUntil", "medical.exam.unfitUntilOnlyTemporary"));
        }
        if (command.examiner() == null || command.examiner().isBlank()) {
            problems.add(FieldProblem.of("examiner", "medical.exam.examinerRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        MedicalClass before = compute(memberId).medicalClass();
        String diagnosis = command.diagnosis() == null || command.diagnosis().isBlank() ? null : command.diagnosis().trim();
        long id = repository.insertExam(memberId, command.examinedOn(), result, command.unfitUntil(), diagnosis,
                command.examiner().trim(), actor, clock.instant());
        audit.record("MEDICAL_EXAM_RECORD", "member", Long.toString(memberId), member.orgPath(), null,
                "exam " + id + " on " + command.examinedOn() + ": " + result
                        + (command.unfitUntil() == null ? "" : " until " + command.unfitUntil()));
        return changed(memberId, before);
    }

    /** Records a limitation profile; publishes {@link MedicalStatusChanged} when the class changes. */
    public MedicalStatus recordProfile(long memberId, ProfileCommand command, String actor) {
        ListLimit.require("restrictions", command.restrictions(), Restriction.values().length * 2);
        Member member = writable(memberId);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Restriction> restrictions = new LinkedHashSet<>();
        if (command.restrictions() == null || command.restrictions().isEmpty()) {
            problems.add(FieldProblem.of("restrictions", "medical.restriction.required"));
        } else {
            for (String name : command.restrictions()) {
                try {
                    restrictions.add(Restriction.valueOf(name == null ? "" : name.trim()));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("restrictions", "medical.restriction.unknown", String.valueOf(name)));
                }
            }
        }
        boolean load = restrictions.contains(Restriction.NO_LOAD_OVER_KG);
        if (load && command.maxLoadKg() == null) {
            problems.add(FieldProblem.of("maxLoadKg", "medical.profile.maxLoadRequired"));
        } else if (load && (command.maxLoadKg() < 1 || command.maxLoadKg() > 200)) {
            problems.add(FieldProblem.of("maxLoadKg", "medical.profile.maxLoadRange", 1, 200));
        } else if (!load && command.maxLoadKg() != null) {
            problems.add(FieldProblem.of("maxLoadKg", "medical.profile.maxLoadOnlyWithLimit"));
        }
        if (command.reason() == null || command.reason().isBlank()) {
            problems.add(FieldProblem.of("reason", "medical.profile.reasonRequired"));
        }
        if (command.startsOn() == null) {
            problems.add(FieldProblem.of("startsOn", "medical.profile.startsOnRequired"));
        }
        if (command.endsOn() == null) {
            problems.add(FieldProblem.of("endsOn", "medical.profile.endsOnRequired"));
        } else if (command.startsOn() != null && command.endsOn().isBefore(command.startsOn())) {
            problems.add(FieldProblem.of("endsOn", "medical.profile.endsBeforeStart"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        MedicalClass before = compute(memberId).medicalClass();
        long id = repository.insertProfile(memberId, List.copyOf(restrictions), command.maxLoadKg(),
                command.reason().trim(), command.startsOn(), command.endsOn(), actor, clock.instant());
        audit.record("MEDICAL_PROFILE_RECORD", "member", Long.toString(memberId), member.orgPath(), null,
                "profile " + id + " " + restrictions + " from " + command.startsOn() + " to " + command.endsOn());
        return changed(memberId, before);
    }

    private MedicalStatus changed(long memberId, MedicalClass before) {
        MedicalStatus after = compute(memberId);
        events.publishEvent(new MedicalRecordChanged(memberId));
        if (after.medicalClass() != before) {
            events.publishEvent(new MedicalStatusChanged(memberId, after.medicalClass()));
        }
        return after;
    }

    private MedicalStatus compute(long memberId) {
        List<MedicalRepository.ExamRow> exams = repository.exams(memberId);
        List<MedicalRepository.ProfileRow> profiles = repository.profiles(memberId);
        LocalDate today = today();
        MedicalClassPolicy.Assessment a = MedicalClassPolicy.assess(
                exams.stream().map(MedicalRepository.ExamRow::exam).toList(),
                profiles.stream().map(MedicalRepository.ProfileRow::profile).toList(),
                today, properties.examValidityMonths());
        MedicalRepository.ExamRow latest = exams.stream().filter(e -> !e.exam().examinedOn().isAfter(today))
                .findFirst().orElse(null);
        List<ProfileView> views = profiles.stream().map(p -> new ProfileView(p.profile().restrictions(),
                p.profile().maxLoadKg(), p.profile().startsOn(), p.profile().endsOn(), p.reason())).toList();
        return new MedicalStatus(memberId, a.medicalClass(), a.validUntil(), a.unfitUntil(), a.activeRestrictions(),
                a.maxLoadKg(), latest == null ? null : latest.exam().examinedOn(),
                latest == null ? null : latest.diagnosis(), views);
    }

    private Member writable(long memberId) {
        Member member = members.find(memberId);
        if (!caller.get().scopeFor(Role.MEDICAL_OFFICER).covers(member.orgPath())) {
            throw ForbiddenException.coded("medical.record.medicalOfficersOnly");
        }
        return member;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }
}
