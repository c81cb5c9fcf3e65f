package kz.qalqan.shared;

/** What a person does in Qalqan; granted together with an org scope (see {@link Grant}). */
public enum Role {
    ADMIN, COMMANDER, SAFETY_OFFICER, MEDICAL_OFFICER, TRAINING_OFFICER, EMERGENCY_COORDINATOR, AUDITOR, MEMBER
}
