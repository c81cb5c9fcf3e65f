package kz.qalqan.identity.internal;

import kz.qalqan.platform.security.ActingAs;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;

/**
 * The caller of the current request, from the principal that sign-in put in the security context (for
 * passwords, access tokens and JWTs alike). Outside any request — command-line tasks, scheduled and
 * asynchronous jobs — there is no authentication and the caller is {@link Caller#SYSTEM}. A request that
 * is not signed in (or somehow lost its authentication) gets a caller with no grants, never SYSTEM.
 */
@Component
class SecurityCurrentCaller implements CurrentCaller {

    static final Caller NOBODY = new Caller("anonymous", null, List.of());

    @Override
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return RequestContextHolder.getRequestAttributes() == null ? ActingAs.current().orElse(Caller.SYSTEM) : NOBODY;
        }
        if (authentication.isAuthenticated() && authentication.getPrincipal() instanceof QalqanUser user) {
            return user.caller();
        }
        return NOBODY;
    }
}
