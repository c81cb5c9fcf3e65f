package kz.qalqan.emergency.accountability;

/** A step on an assistance case: a new status, who works it, and (required to close) the outcome. */
public record CaseUpdate(AssistanceCase.CaseStatus status, String assignedTo, String outcome) {
}
