package kz.qalqan.incident;

import java.time.LocalDate;

/** A corrective action of an incident; {@code doneOn} is null while it is open. */
public record CorrectiveAction(long id, String description, String owner, LocalDate dueOn, LocalDate doneOn,
                               String doneBy) {

    public boolean done() {
        return doneOn != null;
    }
}
