package kz.qalqan.emergency;

/** What is known about an open emergency changed (title, severity, description or area). */
public record EmergencyRevised(long emergencyId, String orgPath) {
}
