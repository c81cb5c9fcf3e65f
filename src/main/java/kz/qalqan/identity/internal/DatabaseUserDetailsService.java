package kz.qalqan.identity.internal;

import kz.qalqan.identity.RoleGrant;
import kz.qalqan.identity.UserStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads the account and its grants for password, token and JWT sign-in alike. A disabled account is
 * reported as unknown, so that signing in to it looks (and takes as long) as signing in to nobody.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    DatabaseUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public QalqanUser loadUserByUsername(String username) {
        return users.credentials(Usernames.normalize(username))
                .filter(u -> u.status() == UserStatus.ACTIVE)
                .map(u -> new QalqanUser(u.id(), u.username(), u.passwordHash(), true, u.memberId(),
                        users.grants(u.id()).stream().map(RoleGrant::toGrant).toList()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
