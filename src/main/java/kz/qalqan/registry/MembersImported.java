package kz.qalqan.registry;

import java.util.UUID;

/** A bulk import committed {@code accepted} new members in one transaction. */
public record MembersImported(UUID importId, long accepted) {
}
