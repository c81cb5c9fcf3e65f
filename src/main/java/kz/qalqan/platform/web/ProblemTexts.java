package kz.qalqan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Says coded refusals in the request's language: the first of kk/ru/en named by {@code Accept-Language}, else the
 * language of the signed-in account, else the language the request already speaks (the language chosen on the
 * pages, Kazakh by default).
 */
@Component
public class ProblemTexts {

    private static final String ACCOUNT_LOCALE = ProblemTexts.class.getName() + ".accountLocale";

    private final MessageSource messages;
    private final ObjectProvider<AccountLanguage> accountLanguage;

    @Autowired
    ProblemTexts(MessageSource messages, ObjectProvider<AccountLanguage> accountLanguage) {
        this.messages = messages;
        this.accountLanguage = accountLanguage;
    }

    /** Without accounts: the header, else the request's own language. */
    ProblemTexts(MessageSource messages) {
        this(messages, null);
    }

    public Locale locale(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange();
                    Optional<Language> language = Language.fromCode(tag.length() > 2 ? tag.substring(0, 2) : tag);
                    if (language.isPresent() && range.getWeight() > 0) {
                        return language.get().locale();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header names no language; fall through
            }
        }
        return accountLocale(request).orElseGet(LocaleContextHolder::getLocale);
    }

    /** The signed-in account's language, looked up once per request (a response may say many problems). */
    @SuppressWarnings("unchecked")
    private Optional<Locale> accountLocale(HttpServletRequest request) {
        if (request != null && request.getAttribute(ACCOUNT_LOCALE) instanceof Optional<?> known) {
            return (Optional<Locale>) known;
        }
        AccountLanguage account = accountLanguage == null ? null : accountLanguage.getIfAvailable();
        Optional<Locale> locale = account == null ? Optional.empty() : account.current().map(Language::locale);
        if (request != null) {
            request.setAttribute(ACCOUNT_LOCALE, locale);
        }
        return locale;
    }

    /** The text of a coded refusal, or {@code fallback} for one that carries no code. */
    public String text(Coded refusal, String fallback, HttpServletRequest request) {
        if (refusal.code() == null) {
            return fallback;
        }
        return messages.getMessage(refusal.code(), refusal.argsArray(), fallback, locale(request));
    }

    public List<FieldProblem> translate(List<FieldProblem> problems, HttpServletRequest request) {
        return problems.stream().map(p -> p.code() == null ? p : p.withMessage(text(p, p.message(), request))).toList();
    }

    /** Adds {@code code} and {@code args} to a problem body so that clients can say it themselves. */
    public void describe(ProblemDetail body, Coded refusal) {
        if (refusal.code() != null) {
            body.setProperty("code", refusal.code());
            body.setProperty("args", plain(refusal.args()));
        }
    }

    static List<Object> plain(List<Object> args) {
        return args.stream().map(a -> a == null || a instanceof Number || a instanceof Boolean || a instanceof String
                ? a : (Object) String.valueOf(a)).toList();
    }

    static Map<String, Object> plain(FieldProblem problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", problem.field());
        out.put("message", problem.message());
        if (problem.code() != null) {
            out.put("code", problem.code());
            out.put("args", plain(problem.args()));
        }
        return out;
    }
}
