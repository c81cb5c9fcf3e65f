/**
 * Who may sign in and what they may do where: user accounts with hashed passwords and a password policy,
 * role grants over a subtree of the organisation (national, region, district or unit), personal access
 * tokens for scripts, optional JWTs from an external identity provider, growing delays and a per-address
 * throttle against password guessing (never a lock-out), browser sessions kept in PostgreSQL that end with the
 * account's access, and the web security rules. The rest of the application learns who is calling
 * through {@link kz.qalqan.platform.security.CurrentCaller}, implemented here; administrators manage
 * accounts through {@link kz.qalqan.identity.UserAdministration}, on the pages of {@code identity.web} (user
 * administration, everyone's own account) or over the API; every refusal is a code ({@code identity.*}) said in
 * the reader's language, and the account's language is the language of its pages after sign-in and of the API's
 * answers when a request names none. Scopes are resolved against the
 * registry's {@link kz.qalqan.registry.OrgStructure} when a grant is made.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared", "platform", "registry", "audit"})
package kz.qalqan.identity;
