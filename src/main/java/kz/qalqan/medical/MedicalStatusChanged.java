package kz.qalqan.medical;

/** A recorded exam or profile changed a member's medical class. */
public record MedicalStatusChanged(long memberId, MedicalClass newClass) {
}
