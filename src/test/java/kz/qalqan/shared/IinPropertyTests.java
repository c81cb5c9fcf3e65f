package kz.qalqan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IinPropertyTests {

    @Property
    void exactlyTheCheckDigitCompletesAnIssuablePrefix(@ForAll("prefixes") String prefix) {
        int check = Iin.checkDigit(prefix);
        for (int last = 0; last <= 9; last++) {
            IinProblem problem = Iin.hardProblem(prefix + last);
            if (check < 0) {
                assertThat(problem).isEqualTo(IinProblem.NEVER_ISSUED);
            } else if (last == check) {
                assertThat(problem).isNull();
            } else {
                assertThat(problem).isEqualTo(IinProblem.CHECK_DIGIT);
            }
        }
    }

    /*
     * "Any single-digit change of a valid IIN is invalid" is NOT true, for two reasons:
     *  - digit 11 has weight 11 ≡ 0 (mod 11), so the first pass never sees it: when the first pass gives
     *    the check digit, any digit 11 keeps the IIN valid; when the second pass is needed (weight 2 there),
     *    every change of digit 11 is caught;
     *  - digits 1–10 change the first-pass remainder (weight i, 11 prime), which alone would catch every
     *    change, but if the original or the changed prefix has first-pass remainder 10, the check digit
     *    comes from the other weighting and may coincide (e.g. 751231400010 → 751231440010).
     * The properties below state what does hold.
     */
    @Property
    void changingTheCheckDigitAlwaysInvalidates(@ForAll("validIins") String iin, @ForAll @IntRange(min = 1, max = 9) int shift) {
        assertThat(Iin.isValid(substitute(iin, 11, shift))).isFalse();
    }

    @Property
    void changingDigit11InvalidatesExactlyWhenTheSecondPassIsNeeded(
            @ForAll("validIins") String iin, @ForAll @IntRange(min = 1, max = 9) int shift) {
        assertThat(Iin.isValid(substitute(iin, 10, shift))).isEqualTo(firstPass(iin) != 10);
    }

    @Property
    void changingDigits1To10InvalidatesWhenFirstPassDecidesBoth(
            @ForAll("validIins") String iin,
            @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = substitute(iin, position, shift);
        Assume.that(firstPass(iin) != 10 && firstPass(changed) != 10);
        assertThat(Iin.isValid(changed)).isFalse();
    }

    @Example
    void singleDigitChangeCanSlipThroughViaTheSecondPass() {
        assertThat(Iin.isValid("751231400010")).isTrue();
        assertThat(firstPass("751231440010")).isEqualTo(10);
        assertThat(Iin.isValid("751231440010")).isTrue();
    }

    @Property
    void anyNonDigitCharacterIsNotDigits(
            @ForAll("digitStrings") String before, @ForAll("nonDigits") char c, @ForAll("digitStrings") String after) {
        assertThat(Iin.hardProblem(before + c + after)).isEqualTo(IinProblem.NOT_DIGITS);
    }

    @Property
    void birthDateAndSexRoundTrip(
            @ForAll("birthDates") LocalDate birthDate, @ForAll Sex sex, @ForAll @IntRange(min = 0, max = 9999) int serial) {
        int centuryDigit = 1 + 2 * (birthDate.getYear() / 100 - 18) + (sex == Sex.MALE ? 0 : 1);
        String prefix = String.format("%02d%02d%02d%d%04d",
                birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(), centuryDigit, serial);
        int check = Iin.checkDigit(prefix);
        Assume.that(check >= 0);

        Iin iin = Iin.parse(prefix + check);
        assertThat(iin.birthDate()).contains(birthDate);
        assertThat(iin.sex()).contains(sex);
        assertThat(iin.warnings(birthDate, sex)).isEmpty();
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().numeric().ofLength(11);
    }

    @Provide
    Arbitrary<String> validIins() {
        return prefixes().filter(p -> Iin.checkDigit(p) >= 0).map(p -> p + Iin.checkDigit(p));
    }

    @Provide
    Arbitrary<String> digitStrings() {
        return Arbitraries.strings().numeric().ofMaxLength(12);
    }

    @Provide
    Arbitrary<Character> nonDigits() {
        return Arbitraries.oneOf(
                Arbitraries.chars().filter(c -> c < '0' || c > '9'),
                Arbitraries.of('０', '٣', '۵', '१', ' ', '\n', '\t', '-', '+', 'O', 'І'));
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.longs()
                .between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static String substitute(String iin, int position, int shift) {
        char digit = (char) ('0' + (iin.charAt(position) - '0' + shift) % 10);
        return iin.substring(0, position) + digit + iin.substring(position + 1);
    }

    private static int firstPass(String iin) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (iin.charAt(i) - '0') * (i + 1);
        }
        return sum % 11;
    }
}
