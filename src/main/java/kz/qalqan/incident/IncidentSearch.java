package kz.qalqan.incident;

import java.time.LocalDate;

/** Filters of the incident list; all optional. {@code after} is the last id of the previous page. */
public record IncidentSearch(IncidentStatus status, IncidentKind kind, LocalDate from, LocalDate to, Long after,
                             int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
