package kz.qalqan.training.internal;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names in Kazakh alphabetical order (А Ә Б В Г Ғ … К Қ … Н Ң О Ө … У Ұ Ү … Х Һ … Ы І …): the JDK has no
 * Kazakh collation, so the Russian rules are tailored with the nine Kazakh letters.
 */
public final class KazakhOrder {

    private static final String TAILORING =
            "& А < ә, Ә & Г < ғ, Ғ & К < қ, Қ & Н < ң, Ң & О < ө, Ө & У < ұ, Ұ < ү, Ү & Х < һ, Һ & Ы < і, І";

    private static final Collator COLLATOR = build();

    private KazakhOrder() {
    }

    public static Comparator<String> names() {
        return (a, b) -> COLLATOR.compare(a == null ? "" : a, b == null ? "" : b);
    }

    private static Collator build() {
        try {
            RuleBasedCollator russian = (RuleBasedCollator) Collator.getInstance(Locale.forLanguageTag("ru"));
            RuleBasedCollator kazakh = new RuleBasedCollator(russian.getRules() + TAILORING);
            kazakh.setStrength(Collator.TERTIARY);
            return kazakh;
        } catch (ParseException e) {
            throw new IllegalStateException("Kazakh collation rules do not parse", e);
        }
    }
}
