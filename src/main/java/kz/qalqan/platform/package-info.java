/**
 * Technical platform shared by every business module: the database (embedded PostgreSQL by default,
 * an external server when configured), the command-line entry points and the RFC 9457 error responses.
 * It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kz.qalqan.platform;
