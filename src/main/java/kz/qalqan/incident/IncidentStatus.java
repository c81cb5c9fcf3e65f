package kz.qalqan.incident;

/** Where an incident is in its workflow. */
public enum IncidentStatus {
    REPORTED, UNDER_INVESTIGATION, CORRECTIVE_ACTIONS, CLOSED
}
