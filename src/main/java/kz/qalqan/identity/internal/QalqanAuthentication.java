package kz.qalqan.identity.internal;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.io.Serial;

/** A caller authenticated by a personal access token or a JWT rather than a password. */
final class QalqanAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How the caller proved who they are. */
    enum Method { ACCESS_TOKEN, JWT }

    private final QalqanUser user;
    private final Method method;

    QalqanAuthentication(QalqanUser user, Method method) {
        super(user.getAuthorities());
        this.user = user;
        this.method = method;
        setAuthenticated(true);
    }

    Method method() {
        return method;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public QalqanUser getPrincipal() {
        return user;
    }
}
