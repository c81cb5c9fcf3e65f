package kz.qalqan.emergency.selection;

import java.time.Instant;
import java.util.List;

/**
 * A stored force selection: the request, where it was centred, and the ranked members (rank 1 first). PROPOSED
 * until a coordinator confirms it, which orders the members to serve (CONFIRMED). {@code excluded} counts the
 * candidates a constraint left out (see {@link ForceSelection#excluded}); {@code scanned} the candidates looked at.
 */
public record Selection(long id, long emergencyId, String status, SelectionRequest request, double lat, double lon,
                        double radiusKm, int wanted, int selected, int excluded, int scanned, String createdBy,
                        Instant createdAt, double elapsedMs, String confirmedBy, Instant confirmedAt,
                        List<Selected> members) {

    /** One selected member; readiness is READY, READY_LIMITED or NOT_READY (DOMAIN.md §8–9, individual). */
    public record Selected(int rank, long memberId, String name, Long unitId, String unitName, double distanceKm,
                           String readiness, int skillsMatched, boolean acwrOverride) {
    }

    /** A candidate a constraint left out, with the reasons in the caller's language and as codes. */
    public record Excluded(long memberId, String name, Long unitId, String unitName, double distanceKm,
                           List<String> reasons, List<String> codes) {
    }
}
