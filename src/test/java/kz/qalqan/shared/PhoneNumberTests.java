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
            +7 7172 55 66 77    | phone number is a Kazakhstan landline (area code 71x or 72x), not a mobile number
            8 727 255 66 77     | phone number is a Kazakhstan landline (area code 71x or 72x), not a mobile number
            +7 781 123 4567     | phone number has no Kazakhstan mobile operator code (70x, 74x, 75x, 76x or 77x)
            +7 916 123 4567     | phone number is not a Kazakhstan number: the 10 digits after +7 or 8 must start with 7 (other +7 numbers are Russian)
            +1 701 123 4567     | phone number is not a Kazakhstan number: the country code must be +7
            +8 701 123 4567     | phone number is not a Kazakhstan number: the country code must be +7
            +44 7011 234567     | phone number is not a Kazakhstan number: the country code must be +7
            17011234567         | phone number has 11 digits, so it must start with 8 or the country code 7
            +7011234567         | phone number is too short: a Kazakhstan mobile number has 10 digits after +7 or 8
            701123456           | phone number is too short: a Kazakhstan mobile number has 10 digits after +7 or 8
            +7 701 123 45678    | phone number is too long: a Kazakhstan mobile number has 10 digits after +7 or 8
            877011234567        | phone number is too long: a Kazakhstan mobile number has 10 digits after +7 or 8
            +7 701 CALL NOW     | phone number may contain only digits, spaces, hyphens, brackets, periods and a leading '+'
            8701123456a         | phone number may contain only digits, spaces, hyphens, brackets, periods and a leading '+'
            7+7011234567        | phone number may contain only digits, spaces, hyphens, brackets, periods and a leading '+'
            ++77011234567       | phone number may contain only digits, spaces, hyphens, brackets, periods and a leading '+'
            """)
    void rejectsWithAReason(String written, String reason) {
        assertThat(PhoneNumber.problem(written)).isEqualTo(reason);
        assertThat(PhoneNumber.normalise(written)).isEmpty();
    }

    @Test
    void rejectsMissingNumber() {
        assertThat(PhoneNumber.problem(null)).isEqualTo("phone number is empty");
        assertThat(PhoneNumber.problem("  ")).isEqualTo("phone number is empty");
        assertThat(PhoneNumber.normalise(null)).isEmpty();
    }

    @Test
    void constructorAcceptsOnlyMobileE164() {
        assertThat(new PhoneNumber("+77011234567").e164()).isEqualTo("+77011234567");
        assertThatThrownBy(() -> new PhoneNumber("87011234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+77172556677")).isInstanceOf(IllegalArgumentException.class);
    }
}
