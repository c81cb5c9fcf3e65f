package kz.qalqan.emergency.accountability;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The accountability of an emergency as one caller may see it (their subtree only): totals by status, the share
 * accounted for, when 90 % was reached (null until then), by region and by unit, the unaccounted with contacts
 * (at most {@code unaccountedLimit}, out of {@code unaccountedTotal}), the assistance cases, and member points for
 * the map (capped; {@code pointsOmitted} were left out). {@code seq} is the change counter the board's stream follows.
 */
public record RollUp(long emergencyId, Instant declaredAt, long total, Map<AccountabilityStatus, Long> byStatus,
                     long accounted, double percentAccounted, Instant reached90At, Long secondsTo90,
                     List<Group> byRegion, List<Group> byUnit, List<Unaccounted> unaccounted, long unaccountedTotal,
                     List<AssistanceCase> cases, List<Point> points, long pointsOmitted, long seq) {

    /** Counts of one region or unit. */
    public record Group(String key, String nameKk, String nameRu, String nameEn, long total,
                        Map<AccountabilityStatus, Long> byStatus, double percentAccounted) {

        public String name(String language) {
            return switch (language == null ? "kk" : language) {
                case "ru" -> nameRu;
                case "en" -> nameEn;
                default -> nameKk;
            };
        }

        public long count(AccountabilityStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /** A member nobody has accounted for yet, with how to reach them. */
    public record Unaccounted(long memberId, String name, String phone, String email, String regionCode, Long unitId) {
    }

    /** A member's home on the map, by status. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AccountabilityPoint") // the simple name is taken by another schema
    public record Point(double lat, double lon, AccountabilityStatus status) {
    }

    public long count(AccountabilityStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
