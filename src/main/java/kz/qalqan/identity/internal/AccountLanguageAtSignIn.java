package kz.qalqan.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;

/**
 * After a form sign-in the pages speak the account's language (the language an administrator set for the person),
 * whatever the sign-in page was shown in; the person can switch afterwards. Then on to the page that asked for the
 * sign-in, or the start page.
 */
class AccountLanguageAtSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    private final SignedInAccountLanguage languages;
    private final LocaleResolver locales;

    AccountLanguageAtSignIn(SignedInAccountLanguage languages, LocaleResolver locales) {
        this.languages = languages;
        this.locales = locales;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        if (locales != null && authentication.getPrincipal() instanceof QalqanUser user) {
            languages.of(user).ifPresent(language -> {
                try {
                    locales.setLocale(request, response, language.locale());
                } catch (UnsupportedOperationException fixed) {
                    // a resolver that follows the browser's header (no page language to keep): nothing to set
                }
            });
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
