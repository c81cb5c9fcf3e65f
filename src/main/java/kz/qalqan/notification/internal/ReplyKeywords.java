package kz.qalqan.notification.internal;

import kz.qalqan.notification.Answer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SMS reply keywords in Kazakh, Russian and English (and 1/2/3 for phones that cannot type Cyrillic). The first
 * word decides; for a decline the rest of the text is the reason.
 */
public final class ReplyKeywords {

    private static final Map<String, Answer> WORDS = Map.ofEntries(
            Map.entry("ИӘ", Answer.ACCEPT), Map.entry("ИА", Answer.ACCEPT), Map.entry("IA", Answer.ACCEPT),
            Map.entry("ДА", Answer.ACCEPT), Map.entry("YES", Answer.ACCEPT), Map.entry("Y", Answer.ACCEPT),
            Map.entry("1", Answer.ACCEPT),
            Map.entry("ЖОҚ", Answer.DECLINE), Map.entry("ЖОК", Answer.DECLINE), Map.entry("ZHOK", Answer.DECLINE),
            Map.entry("НЕТ", Answer.DECLINE), Map.entry("NO", Answer.DECLINE), Map.entry("N", Answer.DECLINE),
            Map.entry("2", Answer.DECLINE),
            Map.entry("МҮМКІНЕМЕС", Answer.UNABLE), Map.entry("НЕМОГУ", Answer.UNABLE), Map.entry("UNABLE", Answer.UNABLE),
            Map.entry("3", Answer.UNABLE));

    private ReplyKeywords() {
    }

    public record Parsed(Answer answer, String reason) {
    }

    public static Optional<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        String[] words = trimmed.split("[\\s,.!:;]+", 3);
        String first = words[0].toUpperCase(Locale.ROOT);
        Answer answer = WORDS.get(first);
        int consumed = 1;
        if (answer == null && words.length > 1) {
            answer = WORDS.get(first + words[1].toUpperCase(Locale.ROOT)); // МҮМКІН ЕМЕС, НЕ МОГУ
            consumed = 2;
        }
        if (answer == null) {
            return Optional.empty();
        }
        String reason = null;
        if (answer == Answer.DECLINE && words.length > consumed) {
            String[] rest = trimmed.split("[\\s,.!:;]+", consumed + 1);
            reason = rest.length > consumed ? rest[consumed].strip() : null;
        }
        return Optional.of(new Parsed(answer, reason == null || reason.isEmpty() ? null : reason));
    }
}
