package kz.qalqan.notification.internal;

import kz.qalqan.notification.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPoliciesTests {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ИӘ|ACCEPT|-", "иә|ACCEPT|-", "Иа|ACCEPT|-", "IA|ACCEPT|-", "Да|ACCEPT|-", "yes|ACCEPT|-", "Y|ACCEPT|-",
            "1|ACCEPT|-", "  да, буду  |ACCEPT|-",
            "ЖОҚ|DECLINE|-", "жок|DECLINE|-", "ZHOK|DECLINE|-", "НЕТ|DECLINE|-", "no|DECLINE|-", "N|DECLINE|-",
            "2|DECLINE|-", "ЖОҚ ауырып жатырмын|DECLINE|ауырып жатырмын", "нет, в командировке до 5-го|DECLINE|в командировке до 5-го",
            "МҮМКІН ЕМЕС|UNABLE|-", "не могу|UNABLE|-", "UNABLE|UNABLE|-", "3|UNABLE|-"})
    void smsKeywordsInEachLanguage(String text, Answer answer, String reason) {
        var parsed = ReplyKeywords.parse(text).orElseThrow();
        assertThat(parsed.answer()).isEqualTo(answer);
        assertThat(parsed.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "привет", "4", "да?нет", "maybe"})
    void otherTextsAreNotReplies(String text) {
        assertThat(ReplyKeywords.parse(text)).isEmpty();
    }

    @Test
    void backoffDoublesFromTheInitialDelayAndStopsAtTheMaximum() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(40)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    @Test
    void templatesFillNamedPlaceholdersAndLeaveUnknownOnesVisible() {
        assertThat(Templates.fill("Report to {place} by {time}; {missing}", Map.of("place", "штаб", "time", "18:00")))
                .isEqualTo("Report to штаб by 18:00; {missing}");
    }

    @Test
    void theWebhookSignatureIsHmacSha256OfTimestampDotBody() {
        // the expected value from: printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac secret
        assertThat(Hmac.webhookSignature("secret", 1_700_000_000L, "{}".getBytes()))
                .isEqualTo("b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
    }
}
