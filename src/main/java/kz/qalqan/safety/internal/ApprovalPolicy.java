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

    /** The outcome: {@code echelon} is the caller's (or null), {@code refusal} and {@code reason} null when allowed. */
    public record Verdict(ApprovalAuthority echelon, Refusal refusal, String reason) {
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
            return new Verdict(echelon.orElse(null), Refusal.OWN_ASSESSMENT,
                    "The preparer of a risk assessment may not approve or disapprove it; another commander must decide");
        }
        if (echelon.isEmpty()) {
            return new Verdict(null, Refusal.NOT_A_COMMANDER,
                    "Only a commander over the unit may approve or disapprove its risk assessment");
        }
        ApprovalAuthority needed = ApprovalAuthority.forLevel(overall);
        if (!echelon.get().mayApprove(overall)) {
            return new Verdict(echelon.get(), Refusal.ECHELON_TOO_LOW, "Residual risk " + words(overall)
                    + " needs approval by " + needed.description() + "; your command makes you "
                    + echelon.get().description());
        }
        return new Verdict(echelon.get(), null, null);
    }

    /** "HIGH", "EXTREMELY HIGH": the level as the worksheet words it. */
    public static String words(RiskLevel level) {
        return level.description().toUpperCase(Locale.ROOT);
    }
}
