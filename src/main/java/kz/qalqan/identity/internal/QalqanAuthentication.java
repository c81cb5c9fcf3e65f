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
    private final Long accessTokenId;

    QalqanAuthentication(QalqanUser user, Method method) {
        this(user, method, null);
    }

    QalqanAuthentication(QalqanUser user, Method method, Long accessTokenId) {
        super(user.getAuthorities());
        this.user = user;
        this.method = method;
        this.accessTokenId = accessTokenId;
        setAuthenticated(true);
    }

    Method method() {
        return method;
    }

    /** The personal access token the caller presented, for {@link Method#ACCESS_TOKEN}. */
    Long accessTokenId() {
        return accessTokenId;
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
