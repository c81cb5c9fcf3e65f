package kz.qalqan.emergency.selection;

import kz.qalqan.emergency.FatigueRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constraints of a force selection (issue 6 item 2), applied to one candidate: active in the register, not
 * already activated in an open emergency, medically fit (a valid exam that did not find them unfit), no profile
 * that rules out emergency field work, rested (FatigueRules), no ACWR danger flag unless the coordinator overrode
 * it, not exempted, and holding the asked qualifications (ALL or ANY) valid today. Emergency tasks (sandbagging,
 * search, evacuation) mean load carrying, running, heights and heat, so those four restrictions exclude; a
 * profile with only NO_WEAPONS or NO_NIGHT_DRIVING leaves the member READY_LIMITED.
 */
final class SelectionPolicy {

    static final Set<String> EXCLUDING = Set.of("NO_LOAD_OVER_KG", "NO_RUNNING", "NO_HEIGHTS", "NO_HEAT_EXPOSURE");

    /** A worked or planned shift of the member, not cancelled. */
    record Shift(Instant startsAt, Instant endsAt) {
    }

    /** An open emergency the member is activated in (ORDERED or ACCEPTED). */
    record Activation(long emergencyId, String title) {
    }

    /** What the selection asks and the live facts the policy reads besides the candidate row. */
    record Context(LocalDate today, Instant now, FatigueRules fatigue, List<String> qualifications, boolean matchAll,
                   Set<Long> exemptions, Set<Long> acwrOverrides, Map<Long, Activation> activations,
                   Map<Long, List<Shift>> shifts, Set<Long> acwrDanger) {
    }

    /** Left out when {@code reasons} is not empty; else ranked by readiness and skills. */
    record Verdict(List<Reason> reasons, String readiness, int skillsMatched, boolean acwrOverride) {

        boolean eligible() {
            return reasons.isEmpty();
        }
    }

    private SelectionPolicy() {
    }

    static Verdict evaluate(Candidate c, Context ctx) {
        List<Reason> reasons = new ArrayList<>();
        if (ctx.exemptions().contains(c.memberId())) {
            reasons.add(Reason.of("exempted"));
        }
        if (!c.active()) {
            reasons.add(Reason.of("inactive"));
        }
        Activation activation = ctx.activations().get(c.memberId());
        if (activation != null) {
            reasons.add(Reason.of("activated", activation.title(), activation.emergencyId()));
        }
        LocalDate today = ctx.today();
        if (c.fitFrom() == null) {
            reasons.add(Reason.of("unfit"));
        } else if (today.isBefore(c.fitFrom())) {
            reasons.add(Reason.of("unfitUntil", c.fitFrom()));
        } else if (c.fitUntil() != null && !today.isBefore(c.fitUntil())) {
            reasons.add(Reason.of("examExpired", c.fitUntil()));
        }
        boolean limitedByProfile = false;
        for (Candidate.Profile p : c.profiles()) {
            if (!p.activeOn(today)) {
                continue;
            }
            limitedByProfile = true;
            for (String r : p.restrictions()) {
                if (EXCLUDING.contains(r)) {
                    reasons.add(r.equals("NO_LOAD_OVER_KG") ? Reason.of("profile.NO_LOAD_OVER_KG", p.kg(), p.to())
                            : Reason.of("profile." + r, p.to()));
                }
            }
        }
        rest(c.memberId(), ctx, reasons);
        boolean override = false;
        if (ctx.acwrDanger().contains(c.memberId())) {
            if (ctx.acwrOverrides().contains(c.memberId())) {
                override = true;
            } else {
                reasons.add(Reason.of("acwrDanger"));
            }
        }
        int matched = 0;
        List<Reason> expired = new ArrayList<>();
        for (String code : ctx.qualifications()) {
            if (c.holdsValid(code, today)) {
                matched++;
            } else if (c.expiryOf(code) != null) {
                expired.add(Reason.of("qualificationExpired", code, c.expiryOf(code)));
            } else {
                expired.add(Reason.of("qualificationMissing", code));
            }
        }
        if (!ctx.qualifications().isEmpty() && (ctx.matchAll() ? matched < ctx.qualifications().size() : matched == 0)) {
            reasons.addAll(expired);
        }
        boolean limited = c.examLimited() || limitedByProfile;
        boolean positionMet = c.positionRequired().stream().allMatch(q -> c.holdsValid(q, today))
                && !(limited && "FIT".equals(c.positionStandard()));
        String readiness = !positionMet ? "NOT_READY" : limited ? "READY_LIMITED" : "READY";
        return new Verdict(List.copyOf(reasons), readiness, matched, override);
    }

    private static void rest(long memberId, Context ctx, List<Reason> reasons) {
        List<Shift> shifts = ctx.shifts().getOrDefault(memberId, List.of());
        Instant now = ctx.now();
        Instant weekAgo = now.minus(Duration.ofDays(7));
        Instant lastEnd = null;
        boolean onShift = false;
        Duration worked = Duration.ZERO;
        for (Shift s : shifts) {
            if (!s.startsAt().isAfter(now) && s.endsAt().isAfter(now)) {
                onShift = true;
            }
            if (!s.endsAt().isAfter(now) && (lastEnd == null || s.endsAt().isAfter(lastEnd))) {
                lastEnd = s.endsAt();
            }
            Instant from = s.startsAt().isBefore(weekAgo) ? weekAgo : s.startsAt();
            Instant to = s.endsAt().isAfter(now) ? now : s.endsAt();
            if (to.isAfter(from)) {
                worked = worked.plus(Duration.between(from, to));
            }
        }
        long minRestHours = ctx.fatigue().minRest().toHours();
        if (onShift) {
            reasons.add(Reason.of("onShift"));
        } else if (lastEnd != null && Duration.between(lastEnd, now).compareTo(ctx.fatigue().minRest()) < 0) {
            reasons.add(Reason.of("rest", Duration.between(lastEnd, now).toHours(), minRestHours));
        }
        if (worked.compareTo(ctx.fatigue().maxWeek()) >= 0) {
            reasons.add(Reason.of("week", worked.toHours(), ctx.fatigue().maxWeek().toHours()));
        }
    }

    /** Orders eligible members: distance (to 100 m), then readiness, then skills matched, then exact distance. */
    static int readinessOrder(String readiness) {
        return switch (readiness) {
            case "READY" -> 0;
            case "READY_LIMITED" -> 1;
            default -> 2;
        };
    }
}
