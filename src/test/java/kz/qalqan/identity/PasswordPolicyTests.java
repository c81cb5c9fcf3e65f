package kz.qalqan.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void acceptsALongUncommonPasswordWithoutTheUsername() {
        assertThat(policy.check("aigerim", "steppe wind over Turkistan 1961")).isEmpty();
        assertThat(policy.accepts("admin", "test-admin-password-1")).isTrue();
    }

    @Test
    void acceptsExactlyTwelveCharactersAndRefusesEleven() {
        assertThat(policy.check("aigerim", "Kt7#qL9vWm2x")).isEmpty();
        assertThat(policy.check("aigerim", "Kt7#qL9vWm2")).containsExactly(PasswordRejection.TOO_SHORT);
    }

    @Test
    void countsCharactersNotBytes() {
        // twelve Kazakh letters are 24 bytes in UTF-8 but twelve characters
        assertThat(policy.check("aigerim", "өңғүұқәіһшжз")).isEmpty();
        assertThat(policy.check("aigerim", "өңғүұқәіһшж")).containsExactly(PasswordRejection.TOO_SHORT);
    }

    @Test
    void refusesMoreThan128Characters() {
        String longest = "the river Ili runs from Tian Shan to Balkhash, 1439 km ".repeat(3).substring(0, 128);
        assertThat(policy.check("aigerim", longest)).isEmpty();
        assertThat(policy.check("aigerim", longest + "q")).containsExactly(PasswordRejection.TOO_LONG);
    }

    @Test
    void refusesMissingPasswords() {
        assertThat(policy.check("aigerim", null)).containsExactly(PasswordRejection.MISSING);
        assertThat(policy.check("aigerim", "")).containsExactly(PasswordRejection.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aigerim-secret", "AIGERIM password", "Aigerim12345678", "aigerimaigerim"})
    void refusesPasswordsBuiltOnTheUsernameInAnyCase(String password) {
        assertThat(policy.check("aigerim", password)).containsExactly(PasswordRejection.CONTAINS_USERNAME);
    }

    @Test
    void acceptsAPassphraseThatIsLongEnoughWithoutTheUsername() {
        // "test--password-1" remains without "admin": sixteen characters
        assertThat(policy.check("admin", "test-admin-password-1")).isEmpty();
        assertThat(policy.check("aigerim", "aigerim walks the steppe")).isEmpty();
    }

    @Test
    void refusesThePasswordEqualToTheUsername() {
        assertThat(policy.check("nurlan.sarsenbayev", "Nurlan.Sarsenbayev")).contains(PasswordRejection.CONTAINS_USERNAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwerty123456", "QWERTY123456", "1q2w3e4r5t6y", "password1234", "123456789012", "qazwsxedcrfv",
            "йцукенгшщзхъ", "Kazakhstan123"})
    void refusesWellKnownCommonPasswordsWhateverTheirCase(String password) {
        assertThat(policy.check("aigerim", password)).containsExactly(PasswordRejection.TOO_COMMON);
    }

    @Test
    void reportsEveryRuleBroken() {
        assertThat(policy.check("qwerty", "qwerty")).containsExactly(PasswordRejection.TOO_SHORT,
                PasswordRejection.CONTAINS_USERNAME, PasswordRejection.TOO_COMMON);
    }

    /** Seen accepted in the penetration test of issue 10: twelve characters, none of them common, all trivial. */
    @ParameterizedTest
    @ValueSource(strings = {"            ", "aaaaaaaaaaaa", "abcabcabcabc", "qalqanqalqan", "zxcvbnmasdfg",
            "qalqan.kz2026", "kazakhstan2026", "P@ssw0rd2026!"})
    void refusesPasswordsThatAreEasyToGuess(String password) {
        assertThat(policy.check("aigerim", password)).containsExactly(PasswordRejection.TOO_WEAK);
    }

    @Test
    void theNamesOfThePersonCountAsWordsAGuesserTriesFirst() {
        String password = "Sarsenbayeva1985";
        assertThat(policy.check("ainur", password)).isEmpty();
        assertThat(policy.check("ainur", password, List.of("Ainur Sarsenbayeva"))).containsExactly(PasswordRejection.TOO_WEAK);
    }

    @Test
    void bundlesAFewHundredToAFewThousandCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isBetween(300, 5000);
    }

    @Test
    void aPolicyWithItsOwnListComparesLowerCased() {
        PasswordPolicy own = new PasswordPolicy(List.of("Correct Horse Battery Staple"));
        assertThat(own.check("aigerim", "correct horse battery staple")).containsExactly(PasswordRejection.TOO_COMMON);
        assertThat(own.check("aigerim", "correct horse battery stapler")).isEmpty();
    }

    @Test
    void everyRejectionHasAMessageAndAMessageKey() {
        for (PasswordRejection r : PasswordRejection.values()) {
            assertThat(r.message()).isNotBlank();
            assertThat(r.messageKey()).startsWith("password.rejected.");
        }
        assertThat(PasswordRejection.TOO_SHORT.message()).contains("12");
    }
}
