package kz.qalqan.identity;

/**
 * A token just issued, with its secret ({@code qlq_...}). The secret is shown this once; only its
 * SHA-256 is stored, so it cannot be recovered later.
 */
public record IssuedAccessToken(AccessToken token, String secret) {
}
