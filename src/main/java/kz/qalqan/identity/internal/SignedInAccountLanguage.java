package kz.qalqan.identity.internal;

import kz.qalqan.platform.web.AccountLanguage;
import kz.qalqan.shared.Language;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The language of the account behind the current request, however it signed in (password, access token, JWT), as
 * it is now in the database: a change of the account's language applies to the next answer.
 */
@Component
class SignedInAccountLanguage implements AccountLanguage {

    private final UserRepository users;

    SignedInAccountLanguage(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Language> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof QalqanUser user)) {
            return Optional.empty();
        }
        return of(user);
    }

    Optional<Language> of(QalqanUser user) {
        return users.language(user.id()).flatMap(Language::fromCode);
    }
}
