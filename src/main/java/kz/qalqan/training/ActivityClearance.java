package kz.qalqan.training;

import kz.qalqan.platform.Coded;

import java.util.Optional;

/**
 * A rule kept outside training that an activity must satisfy before it starts and before its attendance
 * is taken. Safety implements it with the deliberate risk assessment (approved at the level its overall
 * residual risk needs); training asks every implementation and never learns how they decide, so training
 * does not depend on safety.
 */
public interface ActivityClearance {

    /** Why the event may not start (or take attendance) now, as a message code and arguments; empty when it may. */
    Optional<Coded> refusal(TrainingEvent event);
}
