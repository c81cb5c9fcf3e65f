package kz.qalqan.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password, from the sign-in form or HTTP Basic, behind the {@link LoginGuard}: a throttled
 * address or a username waiting out its delay is refused before the password is checked, and every failure is
 * counted.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginGuard guard;

    PasswordAuthenticationProvider(DatabaseUserDetailsService users, PasswordEncoder encoder, LoginGuard guard) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = Usernames.normalize(request.getName());
        String address = LoginGuard.address(request);
        boolean failuresOnRecord = guard.check(username, address);
        UsernamePasswordAuthenticationToken normalized =
                UsernamePasswordAuthenticationToken.unauthenticated(username, request.getCredentials());
        normalized.setDetails(request.getDetails());
        Authentication result;
        try {
            result = passwords.authenticate(normalized);
        } catch (AuthenticationServiceException e) {
            throw e; // the database failed, not the caller: nothing to count
        } catch (AuthenticationException e) {
            guard.failed(username, address);
            throw e;
        }
        guard.succeeded(username, address, failuresOnRecord);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
