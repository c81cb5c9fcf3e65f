package kz.qalqan.identity.internal;

import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/** The caller from the security context: each {@code ROLE_x} authority as a national grant of role x. */
@Component
class AuthoritiesCaller implements CurrentCaller {

    @Override
    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Caller.SYSTEM;
        }
        List<Grant> grants = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(r -> List.of(Role.values()).stream().anyMatch(v -> v.name().equals(r)))
                .map(r -> new Grant(Role.valueOf(r), ""))
                .toList();
        return new Caller(auth.getName(), null, grants);
    }
}
