package kz.qalqan.registry;

import java.util.List;

/** One line of a member search result. */
public record MemberSummary(long id, String iin, String lastName, String firstName, String middleName,
                            MemberCategory category, MemberStatus status, String regionCode, Integer districtId,
                            Long unitId, String unitCode, String phone, List<String> skills, List<String> warnings) {
}
