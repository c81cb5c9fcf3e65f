package kz.qalqan.emergency;

/** What a coordinator gives to declare an emergency (or what a CAP alert says). */
public record DeclareEmergency(String title, EmergencyType type, Severity severity, boolean exercise,
                               String description, EmergencyArea area) {
}
