package kz.qalqan.safety;

/**
 * What the caller may do with one assessment now, for pages that offer only the allowed actions.
 * {@code decisionRefusal} says why approving is not open to them (null when it is).
 */
public record DecisionRights(boolean mayEdit, boolean mayReview, boolean maySubmit, boolean mayDecide,
                             boolean mayRecordLessons, ApprovalAuthority echelon, String decisionRefusal) {
}
