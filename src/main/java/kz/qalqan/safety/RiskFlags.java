package kz.qalqan.safety;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.incident.Incidents;
import kz.qalqan.medical.MedicalRecords;
import kz.qalqan.medical.MedicalStatus;
import kz.qalqan.medical.ProfileView;
import kz.qalqan.medical.Restriction;
import kz.qalqan.shared.Caller;
import kz.qalqan.platform.security.Confidentiality;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.security.Sensitivity;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.training.AcwrFlag;
import kz.qalqan.training.Enrolment;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import kz.qalqan.training.TrainingLoads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Individual risk flags (issue 5 item 5) of members for an activity: ACWR 1.5 or above (DANGER, with its caveat),
 * an injury in the last 12 months, an active medical restriction relevant to the activity
 * ({@link RestrictionRelevance}), a previous heat or cold injury, unacclimatised in the hot season
 * ({@link HotSeason}). Only a relevant restriction FORBIDS (except NO_LOAD_OVER_KG, see the mapping); every
 * other flag WARNS. Members are reached through the registry (scoped: out of scope is 404) and every read is
 * audited. The restriction itself is shown to medical roles in scope only.
 *
 * <p>Bulk reads (an event's enrolment list) take the ACWR and the acclimatisation days of all members in one
 * query each; injuries and medical status are asked of their modules per member.
 */
@Service
@Transactional
public class RiskFlags {

    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final MemberDirectory members;
    private final TrainingEvents events;
    private final TrainingLoads loads;
    private final Incidents incidents;
    private final MedicalRecords medical;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    RiskFlags(MemberDirectory members, TrainingEvents events, TrainingLoads loads, Incidents incidents,
              MedicalRecords medical, CurrentCaller caller, AuditTrail audit, MessageSource messages, Clock clock) {
        this.members = members;
        this.events = events;
        this.loads = loads;
        this.incidents = incidents;
        this.medical = medical;
        this.caller = caller;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The member's flags today for an activity type (null: the person alone). Audited. */
    public MemberRiskFlags forMember(long memberId, ActivityType activity) {
        Member member = members.find(memberId);
        LocalDate today = today();
        MemberRiskFlags flags = compute(List.of(member), activity, today, today).get(memberId);
        audit.record("RISK_FLAGS_READ", "member", Long.toString(memberId), member.orgPath(), null,
                (activity == null ? "any activity" : activity.name()) + ": " + codes(flags));
        return flags;
    }

    /**
     * Flags of every member enrolled in the event for its activity and days (readers of the event in scope).
     * Enrolled members the caller cannot see are left out. Audited once for the event.
     */
    public Map<Long, MemberRiskFlags> forEvent(long eventId) {
        TrainingEvent event = events.find(eventId);
        List<Member> people = new ArrayList<>();
        for (Enrolment e : events.enrolments(eventId)) {
            // deleted since, or not visible to this caller: no flags shown
            members.findVisible(e.memberId()).ifPresent(people::add);
        }
        Map<Long, MemberRiskFlags> flags = compute(people, event.activityType(), firstDay(event), lastDay(event));
        long flagged = flags.values().stream().filter(f -> !f.flags().isEmpty()).count();
        audit.record("RISK_FLAGS_READ", "training_event", Long.toString(eventId), event.orgPath(), null,
                people.size() + " members, " + flagged + " flagged");
        return flags;
    }

    /**
     * The flags of one member for the event, for the enrolment screen: the caller (a trainer) reached the
     * member through the registry already.
     */
    public MemberRiskFlags forEnrolment(TrainingEvent event, long memberId) {
        Member member = members.find(memberId);
        return compute(List.of(member), event.activityType(), firstDay(event), lastDay(event)).get(memberId);
    }

    private Map<Long, MemberRiskFlags> compute(List<Member> people, ActivityType activity, LocalDate day, LocalDate lastDay) {
        Map<Long, MemberRiskFlags> out = new LinkedHashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        Collection<Long> ids = people.stream().map(Member::id).toList();
        boolean hot = HotSeason.isHot(day) || HotSeason.isHot(lastDay);
        Map<Long, AcwrFlag> acwr = loads.currentFlags(ids);
        Map<Long, Integer> outdoorDays = hot
                ? loads.outdoorTrainingDays(ids, HotSeason.windowStart(day), day.minusDays(1)) : Map.of();
        Caller me = caller.get();
        for (Member m : people) {
            List<RiskFlag> flags = new ArrayList<>();
            boolean details = Confidentiality.mayRead(me, Sensitivity.MEDICAL, m.orgPath(), m.id());
            MedicalStatus status = medical.screening(m.id(), "risk flags");
            Map<Restriction, FlagEffect> relevant = new EnumMap<>(Restriction.class);
            for (ProfileView p : status.profiles()) {
                if (p.startsOn() != null && p.startsOn().isAfter(lastDay) || p.endsOn() != null && p.endsOn().isBefore(day)) {
                    continue;
                }
                for (Restriction r : p.restrictions()) {
                    RestrictionRelevance.effect(r, activity, hot).ifPresent(e -> relevant.merge(r, e,
                            (a, b) -> a == FlagEffect.FORBIDS || b == FlagEffect.FORBIDS ? FlagEffect.FORBIDS : FlagEffect.WARNS));
                }
            }
            relevant.forEach((r, effect) -> flags.add(new RiskFlag(RiskFlagCode.MEDICAL_RESTRICTION, effect,
                    details ? text("safety.flag.MEDICAL_RESTRICTION") + ": " + text("medical.restriction." + r.name())
                            : text("safety.flag.MEDICAL_RESTRICTION"), null, details ? r : null)));
            if (acwr.get(m.id()) == AcwrFlag.DANGER) {
                flags.add(flag(RiskFlagCode.ACWR_DANGER, text("safety.flag.ACWR_DANGER.caveat")));
            }
            if (!incidents.injuriesInLast12Months(m.id()).isEmpty()) {
                flags.add(flag(RiskFlagCode.RECENT_INJURY, null));
            }
            if (incidents.previousHeatOrColdInjury(m.id())) {
                flags.add(flag(RiskFlagCode.PREVIOUS_HEAT_OR_COLD_INJURY, null));
            }
            if (hot && HotSeason.unacclimatised(HotSeason.isHot(day) ? day : lastDay, activity,
                    outdoorDays.getOrDefault(m.id(), 0))) {
                flags.add(flag(RiskFlagCode.UNACCLIMATISED, null));
            }
            out.put(m.id(), Confidentiality.redact(new MemberRiskFlags(m.id(), activity, day, hot, flags), me,
                    m.orgPath(), m.id()));
        }
        return out;
    }

    private RiskFlag flag(RiskFlagCode code, String caveat) {
        return new RiskFlag(code, FlagEffect.WARNS, text("safety.flag." + code.name()), caveat, null);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String codes(MemberRiskFlags flags) {
        return flags.flags().isEmpty() ? "none"
                : String.join(", ", flags.flags().stream().map(f -> f.code() + " " + f.effect()).toList());
    }

    static LocalDate firstDay(TrainingEvent event) {
        return LocalDate.ofInstant(event.startsAt(), KAZAKHSTAN);
    }

    static LocalDate lastDay(TrainingEvent event) {
        LocalDate last = LocalDate.ofInstant(event.endsAt().minusNanos(1), KAZAKHSTAN);
        return last.isBefore(firstDay(event)) ? firstDay(event) : last;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }
}
