package kz.qalqan.emergency;

/** An emergency moved in its lifecycle (stand-down, close, cancel, reactivation). */
public record EmergencyStatusChanged(long emergencyId, EmergencyStatus from, EmergencyStatus to, String reason) {
}
