package kz.qalqan.audit;

/**
 * Who is acting, as the audit trail records it. The default reads Spring Security's context; a module that
 * knows better (e.g. identity, once users pick the role they act in) declares its own bean.
 */
public interface AuditActor {

    /** The acting user's name; {@code system} when no one is signed in, never {@code null}. */
    String name();

    /** The role used, or {@code null} when there is none. */
    String role();

    /** Name from the authentication; role as the comma-joined {@code ROLE_} authorities without the prefix. */
    static AuditActor fromSecurityContext() {
        return new SecurityContextActor();
    }
}
