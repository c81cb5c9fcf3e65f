package kz.qalqan.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A member as submitted by the API, the UI form or one CSV row, before validation. Strings are taken as
 * typed; {@link MemberDirectory} normalises and checks them and reports every problem by field name.
 */
public record MemberCommand(String iin, String lastName, String firstName, String middleName, String category,
                            String phone, String email, String regionCode, Integer districtId, Long unitId,
                            Long positionId, Double lat, Double lon, String language, List<String> skills,
                            LocalDate birthDate, String sex, String status) {
}
