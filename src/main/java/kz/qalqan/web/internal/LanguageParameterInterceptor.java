package kz.qalqan.web.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.shared.Language;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.util.Arrays;

/**
 * Switches the language on {@code ?lang=kk|ru|en}. Any other value is ignored rather than stored, so a
 * mistyped link cannot leave someone with pages in a language we have no bundle for.
 */
class LanguageParameterInterceptor extends LocaleChangeInterceptor {

    static final String PARAMETER = "lang";

    LanguageParameterInterceptor() {
        setParamName(PARAMETER);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws ServletException {
        String value = request.getParameter(PARAMETER);
        if (value == null || Arrays.stream(Language.values()).noneMatch(l -> l.code().equals(value))) {
            return true;
        }
        return super.preHandle(request, response, handler);
    }
}
