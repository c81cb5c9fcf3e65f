package kz.qalqan.identity;

/** An account was created by {@code actor}. */
public record UserCreated(long userId, String username, String actor) {
}
