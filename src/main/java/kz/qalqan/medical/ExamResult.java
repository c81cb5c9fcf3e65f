package kz.qalqan.medical;

/** The outcome of a periodic medical exam. */
public enum ExamResult {
    FIT, FIT_LIMITED, TEMPORARILY_UNFIT, UNFIT
}
