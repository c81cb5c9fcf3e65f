package kz.qalqan.emergency;

/** An emergency was declared (in the UI, the API or from a CAP alert). */
public record EmergencyDeclared(long emergencyId, String orgPath, EmergencyType type, boolean exercise) {
}
