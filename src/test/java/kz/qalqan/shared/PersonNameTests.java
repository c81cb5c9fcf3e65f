package kz.qalqan.shared;

import static kz.qalqan.support.Properties.forAll;
import static kz.qalqan.support.Properties.stringOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTests {

    private static final String KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
    private static final String KAZAKH_LETTERS = KAZAKH_ALPHABET + KAZAKH_ALPHABET.toLowerCase(Locale.ROOT);

    @ParameterizedTest
    @ValueSource(strings = {
            "Иванов", "Әлихан", "Нұрсұлтан", "Қасым-Жомарт", "Ерғали", "Өмірзақ", "Ұлжан", "Үмбетов", "Һ", "Іңкәр",
            "Ёлкин", "Я", "Анна Мария", "O'Brien", "O’Connor", "Jean-Luc", "Müller", "Núñez", "Łukasz", "Şahin",
            "Zoë", "Nurlan Äbişev", "A. Smith", "St.John", "Mary Ann"})
    void acceptsNamesOfOneScript(String name) {
        assertThat(PersonName.problem(name)).isNull();
    }

    @Test
    void acceptsUpToHundredCharacters() {
        assertThat(PersonName.problem("а".repeat(100))).isNull();
        assertThat(PersonName.problem("а".repeat(101))).isEqualTo(Refusal.of("shared.name.tooLong", 100));
        assertThat(PersonName.problem("  " + "а".repeat(100) + "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ivanоv", "Аsel", "Иван Petrov", "Ivan-Петров"})
    void rejectsMixOfCyrillicAndLatinLetters(String name) {
        assertThat(PersonName.problem(name).code()).isEqualTo("shared.name.mixedScripts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ivan0v", "Иван2", "Ivan１"})
    void rejectsDigits(String name) {
        assertThat(PersonName.problem(name).code()).isEqualTo("shared.name.digit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Иван@          | shared.name.badCharacter | @
            Ivan_Petrov    | shared.name.badCharacter | _
            Ivanov, Ivan   | shared.name.badCharacter | ,
            Ivan😀         | shared.name.badCharacter | 😀
            Αλέξης         | shared.name.foreignLetter | Α
            Їжак           | shared.name.foreignLetter | Ї
            Ｉｖａｎ        | shared.name.foreignLetter | Ｉ
            """)
    void rejectsOtherCharacters(String name, String code, String character) {
        assertThat(PersonName.problem(name)).isEqualTo(Refusal.of(code, character));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Ivan", "Ivan-", "Ivan--Petrov", "Ivan - Petrov", "O''Brien", ".Ivan", "Ivan.", "'Ivan", "A.-B", "Ivan ’"})
    void rejectsSeparatorsNotBetweenLetters(String name) {
        assertThat(PersonName.problem(name).code()).isEqualTo("shared.name.separator");
    }

    @Test
    void rejectsEmptyNames() {
        assertThat(PersonName.problem(null).code()).isEqualTo("shared.name.empty");
        assertThat(PersonName.problem("").code()).isEqualTo("shared.name.empty");
        assertThat(PersonName.problem(" \t\n ").code()).isEqualTo("shared.name.empty");
    }

    @Test
    void normalisesWhitespace() {
        assertThat(PersonName.normalise("  Иван \t  Петрович\n")).isEqualTo("Иван Петрович");
        assertThat(PersonName.normalise("Mary\u00a0Ann")).isEqualTo("Mary Ann");
        assertThat(PersonName.normalise(null)).isNull();
        assertThat(PersonName.problem("  Mary   Ann ")).isNull();
    }

    @Test
    void composesLettersTypedWithCombiningMarks() {
        String decomposed = "Аи\u0306герим";
        assertThat(PersonName.normalise(decomposed)).isEqualTo("Айгерим");
        assertThat(PersonName.problem(decomposed)).isNull();
        assertThat(PersonName.problem("Zoe\u0308")).isNull();
    }

    @Test
    void acceptsAnyStringOfKazakhCyrillicLetters() {
        forAll(r -> stringOf(r, KAZAKH_LETTERS, 1, 100), name -> assertThat(PersonName.problem(name)).isNull());
    }
}
