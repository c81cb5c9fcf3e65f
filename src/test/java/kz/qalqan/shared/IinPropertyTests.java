package kz.qalqan.shared;

import static kz.qalqan.support.Properties.assume;
import static kz.qalqan.support.Properties.between;
import static kz.qalqan.support.Properties.digits;
import static kz.qalqan.support.Properties.forAll;
import static kz.qalqan.support.Properties.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Properties of the IIN rules, each checked on {@value kz.qalqan.support.Properties#DEFAULT_TRIES} random inputs. */
class IinPropertyTests {

    private static final long FIRST_BIRTH_DAY = LocalDate.of(1800, 1, 1).toEpochDay();
    private static final long LAST_BIRTH_DAY = LocalDate.of(2099, 12, 31).toEpochDay();
    private static final char[] TRICKY_NON_DIGITS = {'０', '٣', '۵', '१', ' ', '\n', '\t', '-', '+', 'O', 'І'};

    @Test
    void exactlyTheCheckDigitCompletesAnIssuablePrefix() {
        forAll(IinPropertyTests::prefix, prefix -> {
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
        });
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
    @Test
    void changingTheCheckDigitAlwaysInvalidates() {
        forAll(r -> new Change(validIin(r), 11, between(r, 1, 9)),
                c -> assertThat(Iin.isValid(c.changed())).isFalse());
    }

    @Test
    void changingDigit11InvalidatesExactlyWhenTheSecondPassIsNeeded() {
        forAll(r -> new Change(validIin(r), 10, between(r, 1, 9)),
                c -> assertThat(Iin.isValid(c.changed())).isEqualTo(firstPass(c.iin()) != 10));
    }

    @Test
    void changingDigits1To10InvalidatesWhenFirstPassDecidesBoth() {
        forAll(r -> new Change(validIin(r), between(r, 0, 9), between(r, 1, 9)), c -> {
            assume(firstPass(c.iin()) != 10 && firstPass(c.changed()) != 10);
            assertThat(Iin.isValid(c.changed())).isFalse();
        });
    }

    @Test
    void singleDigitChangeCanSlipThroughViaTheSecondPass() {
        assertThat(Iin.isValid("751231400010")).isTrue();
        assertThat(firstPass("751231440010")).isEqualTo(10);
        assertThat(Iin.isValid("751231440010")).isTrue();
    }

    @Test
    void anyNonDigitCharacterIsNotDigits() {
        forAll(r -> digits(r, 0, 12) + nonDigit(r) + digits(r, 0, 12),
                candidate -> assertThat(Iin.hardProblem(candidate)).isEqualTo(IinProblem.NOT_DIGITS));
    }

    @Test
    void birthDateAndSexRoundTrip() {
        forAll(r -> new Person(LocalDate.ofEpochDay(between(r, FIRST_BIRTH_DAY, LAST_BIRTH_DAY)),
                oneOf(r, Sex.values()), between(r, 0, 9999)), p -> {
            LocalDate birthDate = p.birthDate();
            int centuryDigit = 1 + 2 * (birthDate.getYear() / 100 - 18) + (p.sex() == Sex.MALE ? 0 : 1);
            String prefix = String.format("%02d%02d%02d%d%04d",
                    birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(), centuryDigit,
                    p.serial());
            int check = Iin.checkDigit(prefix);
            assume(check >= 0);

            Iin iin = Iin.parse(prefix + check);
            assertThat(iin.birthDate()).contains(birthDate);
            assertThat(iin.sex()).contains(p.sex());
            assertThat(iin.warnings(birthDate, p.sex())).isEmpty();
        });
    }

    private record Change(String iin, int position, int shift) {
        String changed() {
            return substitute(iin, position, shift);
        }
    }

    private record Person(LocalDate birthDate, Sex sex, int serial) {
    }

    private static String prefix(SplittableRandom random) {
        return digits(random, 11, 11);
    }

    private static String validIin(SplittableRandom random) {
        while (true) {
            String prefix = prefix(random);
            int check = Iin.checkDigit(prefix);
            if (check >= 0) {
                return prefix + check;
            }
        }
    }

    /** Any UTF-16 unit but an ASCII digit (lone surrogates included), or a digit/letter look-alike. */
    private static char nonDigit(SplittableRandom random) {
        if (random.nextBoolean()) {
            return TRICKY_NON_DIGITS[random.nextInt(TRICKY_NON_DIGITS.length)];
        }
        while (true) {
            char c = (char) between(random, Character.MIN_VALUE, Character.MAX_VALUE);
            if (c < '0' || c > '9') {
                return c;
            }
        }
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
