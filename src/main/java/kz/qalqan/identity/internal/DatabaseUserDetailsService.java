package kz.qalqan.identity.internal;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.Locale;

@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    DatabaseUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.byUsername(username.trim().toLowerCase(Locale.ROOT))
                .map(u -> User.withUsername(u.username()).password(u.passwordHash()).disabled(!u.enabled())
                        .roles(u.username().equals("admin") ? "ADMIN" : "USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
