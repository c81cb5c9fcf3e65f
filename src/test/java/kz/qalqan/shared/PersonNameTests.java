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
        assertThat(PersonName.problem("а".repeat(101))).isEqualTo("is longer than 100 characters");
        assertThat(PersonName.problem("  " + "а".repeat(100) + "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ivanоv", "Аsel", "Иван Petrov", "Ivan-Петров"})
    void rejectsMixOfCyrillicAndLatinLetters(String name) {
        assertThat(PersonName.problem(name)).isEqualTo("mixes Cyrillic and Latin letters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ivan0v", "Иван2", "Ivan１"})
    void rejectsDigits(String name) {
        assertThat(PersonName.problem(name)).isEqualTo("contains a digit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Иван@          | contains '@'; only letters, space, hyphen, apostrophe and period are allowed
            Ivan_Petrov    | contains '_'; only letters, space, hyphen, apostrophe and period are allowed
            Ivanov, Ivan   | contains ','; only letters, space, hyphen, apostrophe and period are allowed
            Ivan😀         | contains '😀'; only letters, space, hyphen, apostrophe and period are allowed
            Αλέξης         | contains 'Α', a letter outside the Russian, Kazakh and Latin alphabets
            Їжак           | contains 'Ї', a letter outside the Russian, Kazakh and Latin alphabets
            Ｉｖａｎ        | contains 'Ｉ', a letter outside the Russian, Kazakh and Latin alphabets
            """)
    void rejectsOtherCharacters(String name, String reason) {
        assertThat(PersonName.problem(name)).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Ivan", "Ivan-", "Ivan--Petrov", "Ivan - Petrov", "O''Brien", ".Ivan", "Ivan.", "'Ivan", "A.-B", "Ivan ’"})
    void rejectsSeparatorsNotBetweenLetters(String name) {
        assertThat(PersonName.problem(name)).isEqualTo("may have a space, hyphen, apostrophe or period only between letters");
    }

    @Test
    void rejectsEmptyNames() {
        assertThat(PersonName.problem(null)).isEqualTo("is empty");
        assertThat(PersonName.problem("")).isEqualTo("is empty");
        assertThat(PersonName.problem(" \t\n ")).isEqualTo("is empty");
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
