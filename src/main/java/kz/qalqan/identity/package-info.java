/**
 * Who may sign in: user accounts with hashed passwords, the first administrator created on first start,
 * and the web security rules (form login for people, HTTP Basic for scripts calling the API).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared", "platform"})
package kz.qalqan.identity;
