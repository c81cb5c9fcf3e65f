package kz.qalqan.readiness;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.medical.MedicalClass;
import kz.qalqan.medical.MedicalRecords;
import kz.qalqan.medical.MedicalStatus;
import kz.qalqan.medical.ProfileView;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.Confidentiality;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.security.Sensitivity;
import kz.qalqan.readiness.MemberReadiness.Reason;
import kz.qalqan.readiness.MemberReadiness.Severity;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Position;
import kz.qalqan.shared.Caller;
import kz.qalqan.training.MemberQualification;
import kz.qalqan.training.Qualifications;
import kz.qalqan.training.QualificationStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A member's individual readiness (READY / READY_LIMITED / NOT_READY with reasons), read live from the
 * registry, medical and training APIs — each applies the caller's scope (out of scope is 404) and audits
 * its own read — and audited here as READINESS_MEMBER_READ. The medical class and profile restrictions are
 * named only to medical roles (and the member); everyone else sees that a reason is medical, with its dates.
 */
@Service
@Transactional
public class IndividualReadiness {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MemberDirectory members;
    private final MedicalRecords medical;
    private final Qualifications qualifications;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    IndividualReadiness(MemberDirectory members, MedicalRecords medical, Qualifications qualifications, OrgStructure org,
                        CurrentCaller caller, AuditTrail audit, MessageSource messages, Clock clock) {
        this.members = members;
        this.medical = medical;
        this.qualifications = qualifications;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public MemberReadiness of(long memberId) {
        Member member = members.find(memberId);
        Caller current = caller.get();
        boolean self = member.id() == (current.memberId() == null ? -1 : current.memberId());
        if (!self && !current.scopeFor(ReadinessBoard.READERS).covers(member.orgPath())) {
            throw new NotFoundException("No member with id " + memberId);
        }
        boolean medicalDetails = Confidentiality.mayRead(current, Sensitivity.MEDICAL, member.orgPath(), memberId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), MedicalRecords.KAZAKHSTAN);
        MedicalStatus health = medical.status(memberId, null);
        List<MemberQualification> held = qualifications.of(memberId);
        Optional<Position> position = member.positionId() == null || member.unitId() == null ? Optional.empty()
                : org.positions(member.unitId()).stream().filter(p -> p.id() == member.positionId()).findFirst();

        List<Reason> reasons = new ArrayList<>();
        if (member.status() != MemberStatus.ACTIVE) {
            reasons.add(reason("NOT_ACTIVE", Severity.BLOCKING, member.status().name(), null));
        }
        medicalReasons(health, position, medicalDetails, today, reasons);
        qualificationReasons(held, position, today, reasons);
        if (position.isEmpty()) {
            reasons.add(reason("NO_POSITION", Severity.NOTE, null, null));
        }
        MemberReadiness.Status status = reasons.stream().anyMatch(r -> r.severity() == Severity.BLOCKING)
                ? MemberReadiness.Status.NOT_READY
                : reasons.stream().anyMatch(r -> r.severity() == Severity.LIMITING)
                ? MemberReadiness.Status.READY_LIMITED : MemberReadiness.Status.READY;
        audit.record("READINESS_MEMBER_READ", "member", Long.toString(memberId), member.orgPath(), null, status.name());
        return new MemberReadiness(memberId, status, member.unitId(), member.positionId(), List.copyOf(reasons), today);
    }

    private void medicalReasons(MedicalStatus health, Optional<Position> position, boolean details, LocalDate today,
                                List<Reason> reasons) {
        MedicalClass c = health.medicalClass();
        switch (c) {
            case UNKNOWN -> reasons.add(health.lastExamOn() == null
                    ? reason("NO_VALID_EXAM", Severity.BLOCKING, null, null)
                    : reason("EXAM_EXPIRED", Severity.BLOCKING, null, health.validUntil()));
            case UNFIT -> reasons.add(reason("UNFIT", Severity.BLOCKING, null, health.validUntil()));
            case TEMPORARILY_UNFIT -> reasons.add(reason("TEMPORARILY_UNFIT", Severity.BLOCKING, null, health.unfitUntil()));
            case FIT_LIMITED -> {
                LocalDate profileEnd = health.profiles().stream()
                        .filter(p -> !today.isBefore(p.startsOn()) && !today.isAfter(p.endsOn()))
                        .map(ProfileView::endsOn).max(Comparator.naturalOrder()).orElse(null);
                String restrictions = details && !health.activeRestrictions().isEmpty()
                        ? health.activeRestrictions().stream().map(Enum::name).collect(Collectors.joining(", ")) : null;
                boolean belowStandard = position.map(p -> "FIT".equals(p.medicalStandard())).orElse(false);
                String code = profileEnd != null ? "ACTIVE_PROFILE" : "LIMITED_FITNESS";
                reasons.add(reason(code, belowStandard ? Severity.BLOCKING : Severity.LIMITING, restrictions,
                        profileEnd != null ? profileEnd : health.validUntil()));
                if (belowStandard) {
                    reasons.add(reason("BELOW_MEDICAL_STANDARD", Severity.BLOCKING, null, null));
                }
            }
            case FIT -> {
            }
        }
    }

    private void qualificationReasons(List<MemberQualification> held, Optional<Position> position, LocalDate today,
                                      List<Reason> reasons) {
        if (position.isEmpty()) {
            return;
        }
        Map<String, LocalDate> best = new java.util.HashMap<>();
        Map<String, Boolean> never = new java.util.HashMap<>();
        for (MemberQualification q : held) {
            if (q.expiresOn() == null) {
                never.put(q.code(), true);
            } else {
                best.merge(q.code(), q.expiresOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (String code : position.get().requiredQualifications()) {
            if (never.containsKey(code)) {
                continue;
            }
            LocalDate expires = best.get(code);
            if (expires == null) {
                reasons.add(reason("QUALIFICATION_MISSING", Severity.BLOCKING, code, null));
            } else {
                QualificationStatus s = QualificationStatus.on(today, expires);
                if (s == QualificationStatus.EXPIRED) {
                    reasons.add(reason("QUALIFICATION_EXPIRED", Severity.BLOCKING, code, expires));
                } else if (s == QualificationStatus.EXPIRING) {
                    reasons.add(reason("QUALIFICATION_EXPIRING", Severity.NOTE, code, expires));
                }
            }
        }
    }

    private Reason reason(String code, Severity severity, String subject, LocalDate until) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage("readiness.reason." + code,
                new Object[]{subject == null ? "" : shown(code, subject, locale), until == null ? "" : DAY.format(until)},
                code, locale);
        return new Reason(code, severity, subject, until, text);
    }

    /** The subject as the text names it: a qualification, a member status or restrictions in words, not codes. */
    private String shown(String code, String subject, Locale locale) {
        return switch (code) {
            case "QUALIFICATION_MISSING", "QUALIFICATION_EXPIRED", "QUALIFICATION_EXPIRING" ->
                    qualifications.names(locale).apply(subject);
            case "NOT_ACTIVE" -> messages.getMessage("status." + subject, null, subject, locale);
            case "ACTIVE_PROFILE", "LIMITED_FITNESS" -> Arrays.stream(subject.split(",\\s*"))
                    .map(r -> messages.getMessage("medical.restriction." + r, null, r, locale))
                    .collect(Collectors.joining(", "));
            default -> subject;
        };
    }
}
