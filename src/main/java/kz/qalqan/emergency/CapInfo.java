package kz.qalqan.emergency;

import java.time.OffsetDateTime;
import java.util.List;

/** One {@code info} block of a CAP alert, in one language ({@code en-US} when the message names none). */
public record CapInfo(String language, List<Category> categories, String event, String urgency, String severity,
                      String certainty, String headline, String description, String instruction,
                      OffsetDateTime effective, OffsetDateTime onset, OffsetDateTime expires, List<CapArea> areas) {

    public CapInfo {
        categories = List.copyOf(categories);
        areas = List.copyOf(areas);
    }

    public enum Category { Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other }
}
