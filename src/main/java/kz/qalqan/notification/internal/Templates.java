package kz.qalqan.notification.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Message templates from the notification bundle: {@code notification.template.<key>.subject} and {@code .body}
 * per language, with {@code {name}} placeholders filled from the notice's parameters (unknown names stay as
 * they are, so a missing parameter shows instead of vanishing).
 */
@Component
public class Templates {

    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private final MessageSource messages;

    Templates(MessageSource messages) {
        this.messages = messages;
    }

    /** Subject and body in each language, or empty when the template is unknown. */
    public Optional<Map<String, OutboxRepository.Rendered>> render(String key, Map<String, String> parameters) {
        if (key == null || !key.matches("[a-z0-9_.-]{1,60}")) {
            return Optional.empty();
        }
        Map<String, OutboxRepository.Rendered> texts = new LinkedHashMap<>();
        try {
            for (String language : LANGUAGES) {
                Locale locale = Locale.forLanguageTag(language);
                String subject = messages.getMessage("notification.template." + key + ".subject", null, locale);
                String body = messages.getMessage("notification.template." + key + ".body", null, locale);
                texts.put(language, new OutboxRepository.Rendered(fill(subject, parameters), fill(body, parameters)));
            }
        } catch (NoSuchMessageException e) {
            return Optional.empty();
        }
        return Optional.of(texts);
    }

    static String fill(String text, Map<String, String> parameters) {
        String result = text;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            result = result.replace("{" + p.getKey() + "}", p.getValue() == null ? "" : p.getValue());
        }
        return result;
    }
}
