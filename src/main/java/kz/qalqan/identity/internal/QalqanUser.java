package kz.qalqan.identity.internal;

import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The signed-in principal: the account and its grants, loaded once at sign-in (so grant changes apply
 * from the next sign-in or request, for sessions and stateless API calls respectively). Authorities are
 * {@code ROLE_<role>} for every granted role, so {@code hasRole("ADMIN")} works; the org scope of each
 * grant is in {@link #caller()}.
 */
public final class QalqanUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Grants kept in a serialisable form, so that sessions can be persisted or replicated. */
    private record StoredGrant(String role, String orgPath) implements Serializable {
    }

    private final long id;
    private final String username;
    private String passwordHash;
    private final boolean active;
    private final Long memberId;
    private final List<StoredGrant> grants;

    QalqanUser(long id, String username, String passwordHash, boolean active, Long memberId, List<Grant> grants) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.active = active;
        this.memberId = memberId;
        this.grants = grants.stream().map(g -> new StoredGrant(g.role().name(), g.orgPath())).toList();
    }

    public long id() {
        return id;
    }

    public Caller caller() {
        return new Caller(username, memberId, grants.stream().map(g -> new Grant(Role.valueOf(g.role()), g.orgPath())).toList());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream().map(StoredGrant::role).distinct().sorted()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QalqanUser other && other.id == id && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username);
    }

    @Override
    public String toString() {
        return "QalqanUser[" + username + "]";
    }
}
