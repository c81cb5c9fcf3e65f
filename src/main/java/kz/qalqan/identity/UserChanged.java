package kz.qalqan.identity;

/** An account's details, status, grants or password were changed by {@code actor}; {@code what} says which. */
public record UserChanged(long userId, String username, String what, String actor) {
}
