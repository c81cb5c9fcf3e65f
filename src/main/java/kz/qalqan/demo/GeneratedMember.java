package kz.qalqan.demo;

import java.util.List;

/**
 * One synthetic member as produced by {@link MemberGenerator}, with the values of a member CSV row
 * (DOMAIN.md §1). Optional values are {@code null}; the phone is written as a person might type it
 * (not always E.164), since the importer normalises it.
 */
public record GeneratedMember(String iin, String lastName, String firstName, String middleName, String category,
                              String phone, String email, String regionCode, Integer districtId, String unitCode,
                              Double lat, Double lon, String language, List<String> skills) {

    public GeneratedMember {
        skills = List.copyOf(skills);
    }
}
