package kz.qalqan.identity.web;

import kz.qalqan.identity.RoleGrant;
import kz.qalqan.registry.OrgStructure;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * A grant in words for the user pages (as {@code @identityNames} in the templates): the role's name and the part of
 * the organisation it covers by name in the page's language, with the scope as administrators type it beside it
 * ({@code Commander @ Almaty (KZ-75)}).
 */
@Component("identityNames")
public class IdentityNames {

    private static final String DISTRICT = "district:";
    private static final String UNIT = "unit:";

    private final MessageSource messages;
    private final OrgStructure org;

    IdentityNames(MessageSource messages, OrgStructure org) {
        this.messages = messages;
        this.org = org;
    }

    public String grant(RoleGrant grant) {
        Locale locale = LocaleContextHolder.getLocale();
        String role = messages.getMessage("role." + grant.role().name(), null, grant.role().name(), locale);
        return messages.getMessage("identity.grant.shown", new Object[]{role, scope(grant.scope(), locale), grant.scope()},
                locale);
    }

    private String scope(String scope, Locale locale) {
        if (scope == null) {
            return "";
        }
        if (scope.equals("KZ")) {
            return messages.getMessage("identity.scope.national", null, locale);
        }
        Optional<String> name = Optional.empty();
        if (scope.startsWith("KZ-")) {
            name = org.region(scope).map(r -> inLanguage(locale, r.nameKk(), r.nameRu(), r.nameEn()));
        } else if (scope.startsWith(DISTRICT) && scope.substring(DISTRICT.length()).matches("\\d{1,9}")) {
            name = org.district(Integer.parseInt(scope.substring(DISTRICT.length())))
                    .map(d -> inLanguage(locale, d.nameKk(), d.nameRu(), d.nameEn()));
        } else if (scope.startsWith(UNIT)) {
            name = org.unitByCode(scope.substring(UNIT.length())).map(u -> u.name());
        }
        return name.orElse(scope);
    }

    private static String inLanguage(Locale locale, String kk, String ru, String en) {
        return switch (locale.getLanguage()) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
    }
}
