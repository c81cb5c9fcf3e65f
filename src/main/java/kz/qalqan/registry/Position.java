package kz.qalqan.registry;

import java.util.List;

/** A post within a unit, with the qualifications (codes) and medical standard it requires. */
public record Position(long id, long unitId, String title, List<String> requiredQualifications,
                       String medicalStandard, Long holderMemberId) {
}
