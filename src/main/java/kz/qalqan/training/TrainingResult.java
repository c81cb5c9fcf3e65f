package kz.qalqan.training;

/** The outcome for one participant; PASS awards the event's qualifications. */
public enum TrainingResult {
    PASS, FAIL, NONE
}
