package kz.qalqan.safety.internal;

import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may approve (or disapprove) a risk assessment (DOMAIN.md §3, ATP 5-19): a commander whose echelon
 * over the assessed unit is at least the authority the overall residual risk needs, and never its preparer.
 *
 * <p>The echelon comes from the caller's COMMANDER grants that cover the unit's org path: the national
 * grant ({@code ""}) is national command; a region ({@code KZ-75/}) is the region's territorial-defense
 * commander; the unit's own path is the unit's commander; anything else that covers it (a district, a
 * parent unit) is the next higher echelon. The highest covering grant counts.
 */
public final class ApprovalPolicy {

    public enum Refusal { OWN_ASSESSMENT, NOT_A_COMMANDER, ECHELON_TOO_LOW }

    public static final String OWN_ASSESSMENT = "safety.approval.ownAssessment";
    static final String NOT_A_COMMANDER = "safety.approval.notACommander";

    /**
     * The outcome: {@code echelon} is the caller's (or null), {@code refusal} and {@code code} (the message key that
     * says why, in the safety bundle) null when allowed.
     */
    public record Verdict(ApprovalAuthority echelon, Refusal refusal, String code) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private ApprovalPolicy() {
    }

    /** The caller's highest echelon over a unit through COMMANDER grants, if any grant covers it. */
    public static Optional<ApprovalAuthority> echelon(List<Grant> grants, String unitPath) {
        ApprovalAuthority best = null;
        for (Grant g : grants) {
            if (g.role() != Role.COMMANDER || !g.covers(unitPath)) {
                continue;
            }
            ApprovalAuthority a = echelonOf(g.orgPath(), unitPath);
            if (best == null || a.compareTo(best) > 0) {
                best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    private static ApprovalAuthority echelonOf(String grantPath, String unitPath) {
        if (grantPath.isEmpty()) {
            return ApprovalAuthority.NATIONAL_COMMAND;
        }
        if (grantPath.indexOf('/') == grantPath.length() - 1) {
            return ApprovalAuthority.REGION_TO_COMMANDER; // one segment: a region (or city of republican significance)
        }
        if (grantPath.equals(unitPath)) {
            return ApprovalAuthority.UNIT_COMMANDER;
        }
        return ApprovalAuthority.NEXT_HIGHER_ECHELON;
    }

    /** Whether {@code caller} may decide on an assessment of the unit at {@code unitPath} prepared by {@code preparedBy}. */
    public static Verdict check(Caller caller, String preparedBy, String unitPath, RiskLevel overall) {
        Optional<ApprovalAuthority> echelon = echelon(caller.grants(), unitPath);
        if (caller.username().equals(preparedBy)) {
            return new Verdict(echelon.orElse(null), Refusal.OWN_ASSESSMENT, OWN_ASSESSMENT);
        }
        if (echelon.isEmpty()) {
            return new Verdict(null, Refusal.NOT_A_COMMANDER, NOT_A_COMMANDER);
        }
        if (!echelon.get().mayApprove(overall)) {
            return new Verdict(echelon.get(), Refusal.ECHELON_TOO_LOW, echelonTooLow(overall));
        }
        return new Verdict(echelon.get(), null, null);
    }

    /** The refusal of an approver below the authority {@code overall} needs; one text per level names that authority. */
    public static String echelonTooLow(RiskLevel overall) {
        return switch (overall) {
            case L -> "safety.approval.needs.L";
            case M -> "safety.approval.needs.M";
            case H -> "safety.approval.needs.H";
            case EH -> "safety.approval.needs.EH";
        };
    }

    /** "HIGH", "EXTREMELY HIGH": the level as the worksheet words it. */
    public static String words(RiskLevel level) {
        return level.description().toUpperCase(Locale.ROOT);
    }
}
