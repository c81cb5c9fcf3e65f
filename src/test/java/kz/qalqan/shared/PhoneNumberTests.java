package kz.qalqan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "+7 701 123 4567", "87011234567", "8 (701) 123-45-67", "+7(701)1234567", "7011234567",
            "77011234567", "+77011234567", "8-701-123-45-67", "+7\u00a0701\u00a0123\u00a04567", " +7 701 123 45 67 "})
    void normalisesCommonWritingsToE164(String written) {
        assertThat(PhoneNumber.normalise(written)).contains(new PhoneNumber("+77011234567"));
        assertThat(PhoneNumber.problem(written)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+77001234567", "+77471234567", "+77501234567", "+77601234567", "+77771234567"})
    void acceptsEveryMobileRange(String written) {
        assertThat(PhoneNumber.normalise(written).map(PhoneNumber::e164)).contains(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            +7 7172 55 66 77    | shared.phone.landline
            8 727 255 66 77     | shared.phone.landline
            +7 781 123 4567     | shared.phone.noOperator
            +7 916 123 4567     | shared.phone.notKazakhstan
            +1 701 123 4567     | shared.phone.countryCode
            +8 701 123 4567     | shared.phone.countryCode
            +44 7011 234567     | shared.phone.countryCode
            17011234567         | shared.phone.elevenDigits
            +7011234567         | shared.phone.tooShort
            701123456           | shared.phone.tooShort
            +7 701 123 45678    | shared.phone.tooLong
            877011234567        | shared.phone.tooLong
            +7 701 CALL NOW     | shared.phone.badCharacter
            8701123456a         | shared.phone.badCharacter
            7+7011234567        | shared.phone.badCharacter
            ++77011234567       | shared.phone.badCharacter
            """)
    void rejectsWithAReason(String written, String reason) {
        assertThat(PhoneNumber.problem(written).code()).isEqualTo(reason);
        assertThat(PhoneNumber.normalise(written)).isEmpty();
    }

    @Test
    void rejectsMissingNumber() {
        assertThat(PhoneNumber.problem(null).code()).isEqualTo("shared.phone.empty");
        assertThat(PhoneNumber.problem("  ").code()).isEqualTo("shared.phone.empty");
        assertThat(PhoneNumber.normalise(null)).isEmpty();
    }

    @Test
    void constructorAcceptsOnlyMobileE164() {
        assertThat(new PhoneNumber("+77011234567").e164()).isEqualTo("+77011234567");
        assertThatThrownBy(() -> new PhoneNumber("87011234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+77172556677")).isInstanceOf(IllegalArgumentException.class);
    }
}
