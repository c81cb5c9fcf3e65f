package kz.qalqan.identity;

/** A token to issue: a name to recognise it by and its lifetime in days (the configured default when null). */
public record NewAccessToken(String name, Integer expiresInDays) {
}
