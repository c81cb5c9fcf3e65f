package kz.qalqan.training;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.Role;
import kz.qalqan.training.internal.QualificationPolicy;
import kz.qalqan.training.internal.QualificationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The qualification catalogue and the qualifications members hold. Members are looked up through the
 * registry, so a member outside the caller's scope is as absent as a missing one (404) and every look-up
 * is audited; awards and revocations need ADMIN, COMMANDER or TRAINING_OFFICER over the member.
 */
@Service
@Transactional
public class Qualifications {

    /** Award dates are Kazakhstan calendar days, whatever zone the server runs in. */
    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private static final Role[] TRAINERS = {Role.ADMIN, Role.COMMANDER, Role.TRAINING_OFFICER};

    private final QualificationRepository repository;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Qualifications(QualificationRepository repository, MemberDirectory members, CurrentCaller caller, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Every qualification the force recognises. */
    @Transactional(readOnly = true)
    public List<Qualification> catalogue() {
        return repository.catalogue();
    }

    /** The name of the qualification {@code code} in the language of {@code locale}; an unknown code stays as it is. */
    @Transactional(readOnly = true)
    public Function<String, String> names(Locale locale) {
        Map<String, Qualification> byCode = repository.catalogue().stream()
                .collect(Collectors.toMap(Qualification::code, q -> q, (a, b) -> a));
        return code -> code == null ? null : byCode.containsKey(code) ? byCode.get(code).name(locale) : code;
    }

    /** The member's qualifications that were not revoked, current and expired, newest award first. */
    public List<MemberQualification> of(long memberId) {
        members.find(memberId);
        return repository.held(memberId, today());
    }

    /**
     * Records an award after checking {@link QualificationPolicy}; publishes {@link QualificationAwarded}.
     *
     * @throws InvalidInputException with every rule the award breaks
     */
    public MemberQualification award(long memberId, AwardCommand command, String actor) {
        Member member = writable(memberId);
        LocalDate today = today();
        String code = command.code() == null ? null : command.code().trim();
        var qualification = code == null || code.isEmpty() ? java.util.Optional.<Qualification>empty()
                : repository.qualification(code);
        List<QualificationPolicy.Held> held = repository.held(memberId, today).stream()
                .map(q -> new QualificationPolicy.Held(q.code(), q.awardedOn(), q.expiresOn()))
                .toList();
        QualificationPolicy.Outcome outcome = QualificationPolicy.check(command, qualification, held, today);
        if (outcome instanceof QualificationPolicy.Rejected rejected) {
            throw new InvalidInputException(rejected.problems());
        }
        LocalDate expiresOn = ((QualificationPolicy.Accepted) outcome).expiresOn();
        String awardingEvent = command.awardingEvent() == null || command.awardingEvent().isBlank()
                ? null : command.awardingEvent().trim();
        long id = repository.insert(memberId, code, command.awardedOn(), expiresOn, command.evidence().trim(),
                awardingEvent, actor, clock.instant());
        audit.record("QUALIFICATION_AWARD", "member", Long.toString(memberId), member.orgPath(), null,
                "qualification " + id + " " + code + " awarded " + command.awardedOn()
                        + (expiresOn == null ? ", no expiry" : ", expires " + expiresOn));
        events.publishEvent(new QualificationAwarded(memberId, code, expiresOn));
        return repository.award(memberId, id, today).orElseThrow();
    }

    /** Withdraws an award; the row stays, marked revoked, so the history is kept. */
    public void revoke(long memberId, long qualificationId, String actor) {
        Member member = writable(memberId);
        MemberQualification award = repository.award(memberId, qualificationId, today())
                .orElseThrow(() -> new NotFoundException("Member " + memberId + " has no qualification " + qualificationId));
        if (!repository.revoke(qualificationId, actor, clock.instant())) {
            throw ConflictException.coded(null, "training.qualification.alreadyRevoked", qualificationId);
        }
        audit.record("QUALIFICATION_REVOKE", "member", Long.toString(memberId), member.orgPath(), null,
                "qualification " + qualificationId + " " + award.code());
        events.publishEvent(new QualificationRevoked(memberId, qualificationId, award.code()));
    }

    private Member writable(long memberId) {
        Member member = members.find(memberId);
        if (!caller.get().scopeFor(TRAINERS).covers(member.orgPath())) {
            throw ForbiddenException.coded("training.qualification.outOfScope");
        }
        return member;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }
}
