package kz.qalqan.emergency.selection;

import java.time.LocalDate;
import java.util.List;

/** One row of the candidate index (see the V20261129_1520 migration), as the selection reads it. */
record Candidate(long memberId, String orgPath, boolean active, String lastName, String firstName, double lat,
                 double lon, Long unitId, String unitType, String unitName, List<String> positionRequired, String positionStandard,
                 List<String> quals, List<LocalDate> qualExpires, LocalDate fitFrom, LocalDate fitUntil,
                 boolean examLimited, List<Profile> profiles) {

    /** A profile's restrictions and inclusive dates; {@code kg} set with NO_LOAD_OVER_KG. */
    record Profile(List<String> restrictions, Integer kg, LocalDate from, LocalDate to) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    String name() {
        return lastName + " " + firstName;
    }

    /** The first day the held qualification {@code code} is no longer valid; null when not held. */
    LocalDate expiryOf(String code) {
        int i = quals.indexOf(code);
        return i < 0 ? null : qualExpires.get(i);
    }

    boolean holdsValid(String code, LocalDate day) {
        LocalDate expiry = expiryOf(code);
        return expiry != null && day.isBefore(expiry);
    }
}
