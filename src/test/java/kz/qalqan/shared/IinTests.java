package kz.qalqan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTests {

    @Test
    void acceptsFirstPassExampleFromReference() {
        assertThat(Iin.checkDigit("90051530012")).isEqualTo(7);
        assertThat(Iin.isValid("900515300127")).isTrue();
        assertThat(Iin.parse("900515300127").value()).isEqualTo("900515300127");
    }

    @Test
    void acceptsZeroAsCheckDigit() {
        assertThat(Iin.checkDigit("75123140001")).isZero();
        assertThat(Iin.isValid("751231400010")).isTrue();
    }

    @Test
    void usesSecondPassWhenFirstGivesTen() {
        assertThat(Iin.checkDigit("03110260457")).isEqualTo(2);
        assertThat(Iin.isValid("031102604572")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void rejectsNeverIssuedPrefixWhateverTheLastDigit(int last) {
        assertThat(Iin.checkDigit("85010130069")).isEqualTo(-1);
        assertThat(Iin.hardProblem("85010130069" + last)).isEqualTo(IinProblem.NEVER_ISSUED);
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertThat(Iin.hardProblem("900515300128")).isEqualTo(IinProblem.CHECK_DIGIT);
    }

    @Test
    void rejectsEverySingleDigitChangeOutsideDigit11() {
        String valid = "900515300127";
        for (int position = 0; position < 12; position++) {
            if (position == 10) {
                continue;
            }
            for (String variant : substitutions(valid, position)) {
                assertThat(Iin.isValid(variant)).as(variant).isFalse();
            }
        }
    }

    /**
     * Digit 11 has weight 11 ≡ 0 (mod 11) in the first pass, so when the first pass decides the check
     * digit, a different digit 11 keeps the number valid. This is the published algorithm, not a bug.
     */
    @Test
    void firstPassDoesNotSeeDigit11() {
        assertThat(substitutions("900515300127", 10)).allMatch(Iin::isValid);
    }

    @Test
    void secondPassDoesSeeDigit11() {
        assertThat(substitutions("031102604572", 10)).noneMatch(Iin::isValid);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''               | MISSING
            9005153001a7     | NOT_DIGITS
            '900515 300127'  | NOT_DIGITS
            '９００５１５３００１２７' | NOT_DIGITS
            '٩٠٠٥١٥٣٠٠١٢٧'  | NOT_DIGITS
            90051530012      | TOO_SHORT
            9005153001270    | TOO_LONG
            900515300128     | CHECK_DIGIT
            850101300690     | NEVER_ISSUED
            000000000000     | REPEATED_DIGITS
            111111111111     | REPEATED_DIGITS
            999999999999     | REPEATED_DIGITS
            000000300017     | ZERO_DATE
            000000401232     | ZERO_DATE
            000000500072     | ZERO_DATE
            """)
    void namesEachHardProblem(String candidate, IinProblem expected) {
        assertThat(Iin.hardProblem(candidate)).isEqualTo(expected);
        assertThatThrownBy(() -> Iin.parse(candidate))
                .isInstanceOfSatisfying(InvalidIinException.class, e -> assertThat(e.problem()).isEqualTo(expected));
    }

    /** Placeholders pass the check digit ({@code 000000000000} sums to 0), so the check digit alone lets them in. */
    @Test
    void refusesPlaceholdersThatPassTheCheckDigit() {
        assertThat(Iin.checkDigit("00000000000")).isZero();
        assertThat(Iin.checkDigit("00000030001")).isEqualTo(7);
        assertThat(Iin.isValid("000000000000")).isFalse();
        assertThat(Iin.isValid("000000300017")).isFalse();
        assertThat(Iin.parse("000001300015").warnings(null, null)).as("a date digit other than zero is only a soft warning")
                .containsExactly(IinWarning.NOT_A_CALENDAR_DATE);
    }

    @Test
    void treatsNullAsMissing() {
        assertThat(Iin.hardProblem(null)).isEqualTo(IinProblem.MISSING);
    }

    @Test
    void rejectsSurroundingWhitespaceAndNewline() {
        assertThat(Iin.hardProblem(" 900515300127")).isEqualTo(IinProblem.NOT_DIGITS);
        assertThat(Iin.hardProblem("900515300127\n")).isEqualTo(IinProblem.NOT_DIGITS);
    }

    @Test
    void refusesPrefixThatIsNotElevenAsciiDigits() {
        assertThatThrownBy(() -> Iin.checkDigit("9005153001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iin.checkDigit("9005153001a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iin.checkDigit("٩٠٠٥١٥٣٠٠١٢")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "800416100254, 1880-04-16, MALE",
            "680503250034, 1868-05-03, FEMALE",
            "900515300127, 1990-05-15, MALE",
            "751231400010, 1975-12-31, FEMALE",
            "031102504573, 2003-11-02, MALE",
            "031102604572, 2003-11-02, FEMALE"})
    void decodesBirthDateAndSexForEachCentury(String iin, LocalDate birthDate, Sex sex) {
        Iin parsed = Iin.parse(iin);
        assertThat(parsed.birthDate()).contains(birthDate);
        assertThat(parsed.sex()).contains(sex);
        assertThat(parsed.warnings(birthDate, sex)).isEmpty();
    }

    @Test
    void warnsAboutThirtyFirstOfFebruaryButAccepts() {
        Iin iin = Iin.parse("900231300014");
        assertThat(iin.birthDate()).isEmpty();
        assertThat(iin.sex()).contains(Sex.MALE);
        assertThat(iin.warnings(null, null)).containsExactly(IinWarning.NOT_A_CALENDAR_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "8", "9"})
    void warnsAboutUndefinedCenturyDigitButAccepts(String digit7) {
        Iin iin = Iin.parse(withCheckDigit("900515" + digit7 + "0012"));
        assertThat(iin.birthDate()).isEmpty();
        assertThat(iin.sex()).isEmpty();
        assertThat(iin.warnings(LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(IinWarning.CENTURY_DIGIT_UNDEFINED);
    }

    @Test
    void warnsAboutImpossibleDateEvenWhenCenturyIsUndefined() {
        Iin iin = Iin.parse(withCheckDigit("90023170012"));
        assertThat(iin.warnings(null, null))
                .containsExactly(IinWarning.CENTURY_DIGIT_UNDEFINED, IinWarning.NOT_A_CALENDAR_DATE);
    }

    @Test
    void acceptsTwentyNinthOfFebruaryWhenCenturyIsUndefinedButSomeCenturyIsLeap() {
        assertThat(Iin.parse(withCheckDigit("00022970012")).warnings(null, null))
                .containsExactly(IinWarning.CENTURY_DIGIT_UNDEFINED);
        assertThat(Iin.parse(withCheckDigit("01022970012")).warnings(null, null))
                .containsExactly(IinWarning.CENTURY_DIGIT_UNDEFINED, IinWarning.NOT_A_CALENDAR_DATE);
    }

    @Test
    void warnsWhenRecordedBirthDateOrSexDisagree() {
        Iin iin = Iin.parse("900515300127");
        assertThat(iin.warnings(LocalDate.of(1990, 5, 16), Sex.MALE)).containsExactly(IinWarning.BIRTH_DATE_MISMATCH);
        assertThat(iin.warnings(LocalDate.of(1990, 5, 15), Sex.FEMALE)).containsExactly(IinWarning.SEX_MISMATCH);
        assertThat(iin.warnings(LocalDate.of(2003, 1, 1), Sex.FEMALE))
                .containsExactly(IinWarning.BIRTH_DATE_MISMATCH, IinWarning.SEX_MISMATCH);
        assertThat(iin.warnings(null, null)).isEmpty();
    }

    @Test
    void masksForLogs() {
        Iin iin = Iin.parse("900515300127");
        assertThat(iin.masked()).isEqualTo("90051*****27");
        assertThat(iin).hasToString("90051*****27");
        assertThat(Iin.mask("900515300127")).isEqualTo("90051*****27");
        assertThat(Iin.mask(null)).isEqualTo("****");
        assertThat(Iin.mask("1234")).isEqualTo("****");
    }

    private static List<String> substitutions(String iin, int position) {
        List<String> variants = new ArrayList<>();
        for (char d = '0'; d <= '9'; d++) {
            if (d != iin.charAt(position)) {
                variants.add(iin.substring(0, position) + d + iin.substring(position + 1));
            }
        }
        return variants;
    }

    private static String withCheckDigit(String prefix) {
        int check = Iin.checkDigit(prefix);
        assertThat(check).as("prefix %s is issuable", prefix).isNotNegative();
        return prefix + check;
    }
}
