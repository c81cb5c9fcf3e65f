package kz.qalqan.safety;

/**
 * Where a risk assessment stands. DRAFT and DISAPPROVED are edited by the preparer; SUBMITTED waits for
 * the authority its overall residual risk needs; APPROVED clears the activity as long as a review does not
 * raise the risk above the approved level (then it is SUBMITTED again).
 */
public enum AssessmentStatus {
    DRAFT, SUBMITTED, APPROVED, DISAPPROVED;

    public boolean editable() {
        return this == DRAFT || this == DISAPPROVED;
    }
}
