package kz.qalqan.identity;

/** An account was deleted by {@code actor}. */
public record UserDeleted(long userId, String username, String actor) {
}
