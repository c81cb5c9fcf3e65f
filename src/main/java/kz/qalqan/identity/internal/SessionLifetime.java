package kz.qalqan.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute lifetime of a browser session: the sign-in time is kept in the session (by the {@link #atSignIn()}
 * strategy, after the id change against fixation), and a request on a session signed in longer ago than
 * {@code qalqan.identity.sessions.absolute-lifetime} ends it and goes on unauthenticated, so it is sent to the
 * sign-in page. The idle timeout is Spring Session's own ({@code server.servlet.session.timeout}). Times come
 * from the application's {@link Clock}.
 */
class SessionLifetime extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".SIGNED_IN_AT";

    private final Clock clock;
    private final Duration lifetime;

    SessionLifetime(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Records the sign-in time in the (new) session. */
    SessionAuthenticationStrategy atSignIn() {
        return (Authentication authentication, HttpServletRequest request, HttpServletResponse response) ->
                request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && !clock.instant().isBefore(signedInAt.plus(lifetime))) {
            session.invalidate();
            SecurityContextHolder.getContextHolderStrategy().clearContext();
        }
        chain.doFilter(request, response);
    }
}
