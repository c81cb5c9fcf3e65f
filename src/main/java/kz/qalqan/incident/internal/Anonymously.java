package kz.qalqan.incident.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs a step of an anonymous report without the reporter's identity: the audit trail takes the actor from
 * the security context and the client address from the request, so both are hidden while the step runs and
 * restored afterwards. The audit entry then names the actor {@code anonymous}, with no role and no address.
 */
public final class Anonymously {

    private Anonymously() {
    }

    public static void run(Runnable step) {
        SecurityContext outer = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
        anonymous.setAuthentication(new AnonymousAuthenticationToken("incident-anonymous-report", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        try {
            SecurityContextHolder.setContext(anonymous);
            RequestContextHolder.resetRequestAttributes();
            step.run();
        } finally {
            SecurityContextHolder.setContext(outer);
            RequestContextHolder.setRequestAttributes(request);
        }
    }
}
