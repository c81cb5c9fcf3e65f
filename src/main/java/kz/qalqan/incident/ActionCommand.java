package kz.qalqan.incident;

import java.time.LocalDate;

/** A corrective action to add: what, who owns it, by when. */
public record ActionCommand(String description, String owner, LocalDate dueOn) {
}
