package kz.qalqan.emergency;

/** What kind of emergency the force responds to. */
public enum EmergencyType {
    FLOOD, EARTHQUAKE, WILDFIRE, MUDFLOW, STORM, INDUSTRIAL_ACCIDENT, CBRN, CRISIS, OTHER
}
