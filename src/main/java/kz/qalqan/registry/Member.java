package kz.qalqan.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member of the force as stored, with the review warnings raised by the soft IIN rules. */
public record Member(long id, String iin, String lastName, String firstName, String middleName,
                     LocalDate birthDate, String sex, MemberCategory category, String phone, String email,
                     String regionCode, Integer districtId, Long unitId, String unitCode, String unitName,
                     Long positionId, String positionTitle, Double lat, Double lon, String language,
                     List<String> skills, MemberStatus status, List<String> warnings, String orgPath,
                     Instant createdAt, Instant updatedAt, int version) {

    public String fullName() {
        return lastName + " " + firstName + (middleName == null || middleName.isBlank() ? "" : " " + middleName);
    }
}
