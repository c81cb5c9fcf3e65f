package kz.qalqan.registry.internal;

import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.shared.Iin;

import java.time.LocalDate;
import java.util.List;

/** A member whose every field passed the rules, normalised and ready to store. */
public record CheckedMember(Iin iin, String lastName, String firstName, String middleName, LocalDate birthDate,
                            String sex, MemberCategory category, String phone, String email, String regionCode,
                            Integer districtId, Long unitId, Long positionId, Double lat, Double lon, String language,
                            List<String> skills, MemberStatus status, List<String> warnings, String orgPath) {
}
