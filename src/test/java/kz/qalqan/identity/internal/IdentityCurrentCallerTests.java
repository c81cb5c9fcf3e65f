package kz.qalqan.identity.internal;

import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityCurrentCallerTests {

    private final SecurityCurrentCaller currentCaller = new SecurityCurrentCaller();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void isTheSystemOutsideAnyRequest() {
        assertThat(currentCaller.get()).isEqualTo(Caller.SYSTEM);
    }

    @Test
    void isNobodyInARequestWithoutAuthentication() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(currentCaller.get().grants()).isEmpty();
        assertThat(currentCaller.get()).isNotEqualTo(Caller.SYSTEM);
    }

    @Test
    void isNobodyForAnAnonymousVisitor() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(currentCaller.get().grants()).isEmpty();
        assertThat(currentCaller.get().username()).isEqualTo("anonymous");
    }

    @Test
    void isTheSignedInUserWithTheirGrantsAndMember() {
        QalqanUser user = new QalqanUser(7, "dana", "{noop}x", true, 42L,
                List.of(new Grant(Role.COMMANDER, "KZ-75/"), new Grant(Role.MEDICAL_OFFICER, "KZ-75/d12/")));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));

        Caller caller = currentCaller.get();

        assertThat(caller.username()).isEqualTo("dana");
        assertThat(caller.memberId()).isEqualTo(42L);
        assertThat(caller.grants()).containsExactly(new Grant(Role.COMMANDER, "KZ-75/"), new Grant(Role.MEDICAL_OFFICER, "KZ-75/d12/"));
        assertThat(caller.scopeFor(Role.COMMANDER).prefixes()).containsExactly("KZ-75/");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COMMANDER", "ROLE_MEDICAL_OFFICER");
    }

    @Test
    void aTokenSignInCarriesTheSameCaller() {
        QalqanUser user = new QalqanUser(8, "erlan", null, true, null, List.of(new Grant(Role.AUDITOR, "")));
        SecurityContextHolder.getContext().setAuthentication(new QalqanAuthentication(user, QalqanAuthentication.Method.ACCESS_TOKEN));
        assertThat(currentCaller.get().grants()).containsExactly(new Grant(Role.AUDITOR, ""));
    }
}
