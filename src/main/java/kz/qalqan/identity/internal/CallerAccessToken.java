package kz.qalqan.identity.internal;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The personal access token the current request was signed in with, if it was one. */
@Component
public class CallerAccessToken {

    public Optional<Long> id() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof QalqanAuthentication a
                && a.method() == QalqanAuthentication.Method.ACCESS_TOKEN
                ? Optional.ofNullable(a.accessTokenId()) : Optional.empty();
    }
}
