package kz.qalqan.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.District;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every template needs and cannot compute itself: the signed-in user, links that switch the
 * language of the current page, names in the current language, and dates in the Kazakhstan formats.
 * Templates call it as {@code ${@fn.region(code)}}; it works on error pages too, where no controller
 * filled the model.
 */
@Component("fn")
public class TemplateFunctions {

    /** Kazakhstan has one time zone; the tz database knows its history (UTC+6 until March 2024). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final Set<String> AUDIT_ROLES = Set.of("ROLE_ADMIN", "ROLE_AUDITOR");

    private final OrgStructure org;
    private final CurrentCaller caller;

    TemplateFunctions(OrgStructure org, CurrentCaller caller) {
        this.org = org;
        this.caller = caller;
    }

    public boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    public String user() {
        return signedIn() ? SecurityContextHolder.getContext().getAuthentication().getName() : null;
    }

    /** Whether the signed-in user may read the audit trail (the security configuration enforces the same). */
    public boolean canAudit() {
        return signedIn() && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(AUDIT_ROLES::contains);
    }

    /**
     * Whether the signed-in user may manage user accounts: a national ADMIN grant (the security
     * configuration enforces the same on {@code /admin/users/**}).
     */
    public boolean canManageUsers() {
        return signedIn() && caller.get().grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.national());
    }

    /** Whether the signed-in user is linked to a member of the force, who has an inbox of their own. */
    public boolean hasMember() {
        return signedIn() && caller.get().memberId() != null;
    }

    /** The two-letter code of the language the page is shown in. */
    public String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /**
     * Links to the current page in each language, by code. (Thymeleaf forbids bean calls inside
     * {@code th:href}, so the layout takes them from here through {@code th:with}.)
     */
    public Map<String, String> languageLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            links.put(language.code(), languageLink(language.code()));
        }
        return links;
    }

    /** The current page (with its filters) in another language; on an error page, the page that failed. */
    public String languageLink(String lang) {
        HttpServletRequest request = request();
        if (request == null) {
            return "?lang=" + lang;
        }
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed.toString() : request.getRequestURI();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (failed == null && "GET".equals(request.getMethod()) && request.getQueryString() != null) {
            link.query(request.getQueryString());
        }
        return link.replaceQueryParam(LanguageParameterInterceptor.PARAMETER, lang).build().toUriString();
    }

    public String region(String code) {
        if (code == null) {
            return "";
        }
        return org.region(code).map(TemplateFunctions::name).orElse(code);
    }

    public static String name(Region region) {
        return switch (LocaleContextHolder.getLocale().getLanguage()) {
            case "ru" -> region.nameRu();
            case "en" -> region.nameEn();
            default -> region.nameKk();
        };
    }

    public String district(Integer id) {
        if (id == null) {
            return "";
        }
        return org.district(id).map(TemplateFunctions::name).orElse(String.valueOf(id));
    }

    public static String name(District district) {
        return switch (LocaleContextHolder.getLocale().getLanguage()) {
            case "ru" -> district.nameRu();
            case "en" -> district.nameEn();
            default -> district.nameKk();
        };
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /** To the second, for the audit trail. */
    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(ZONE));
    }

    /** A duration as h:mm:ss or m:ss, the same in every language. */
    public String clock(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public String join(Iterable<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
