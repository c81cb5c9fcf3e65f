package kz.qalqan.training;

import kz.qalqan.platform.Coded;

import java.util.List;

/**
 * A check kept outside training that a member's enrolment in an event must pass. Safety implements it with
 * the individual risk flags (a medical restriction that rules the activity out refuses the enrolment; other
 * flags ask the trainer to confirm them). Training asks every implementation and never learns how they
 * decide, so training does not depend on safety.
 */
public interface EnrolmentScreen {

    /** What the screen found for this member and event, each finding a message code with its arguments. */
    Screening screen(TrainingEvent event, long memberId);

    /**
     * @param refusals reasons the enrolment is refused outright
     * @param warnings reasons the trainer must confirm before the member is enrolled
     */
    record Screening(List<Coded> refusals, List<Coded> warnings) {

        public Screening {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }

        public static Screening clear() {
            return new Screening(List.of(), List.of());
        }
    }
}
