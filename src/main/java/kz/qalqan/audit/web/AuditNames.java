package kz.qalqan.audit.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the audit page calls the codes an event carries, in the page's language (as {@code @auditNames} in the
 * template): the action ({@code audit.action.*}), the kind of record ({@code audit.entity.*}) and the roles
 * ({@code role.*}). An event of an action that no longer exists keeps its code, which the trail is evidence of.
 */
@Component("auditNames")
public class AuditNames {

    private final MessageSource messages;

    AuditNames(MessageSource messages) {
        this.messages = messages;
    }

    public String action(String action) {
        return name("audit.action.", action);
    }

    public String entityType(String entityType) {
        return name("audit.entity.", entityType);
    }

    /** The roles the actor acted in, as recorded: comma-separated role codes. */
    public String roles(String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> name("role.", r)).collect(Collectors.joining(", "));
    }

    private String name(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
    }
}
