package kz.qalqan.training.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KazakhOrderTests {

    @Test
    void sortsByTheKazakhAlphabetNotByCodePoints() {
        List<String> names = new ArrayList<>(List.of("Үсенов", "Ұлан", "Уалиев", "Әбенов", "Ахметов", "Іскаков",
                "Ыбыраев", "Ғалымов", "Гусев", "Өмір", "Орынбаев", "Қасым", "Кәрім", "Ңұр", "Нұр", "Һасен", "Хамит"));
        names.sort(KazakhOrder.names());
        assertThat(names).containsExactly("Ахметов", "Әбенов", "Гусев", "Ғалымов", "Кәрім", "Қасым", "Нұр", "Ңұр",
                "Орынбаев", "Өмір", "Уалиев", "Ұлан", "Үсенов", "Хамит", "Һасен", "Ыбыраев", "Іскаков");
    }

    @Test
    void caseDiffersOnlyAfterLetters() {
        List<String> names = new ArrayList<>(List.of("әлия", "Әлия", "алма", "Бек"));
        names.sort(KazakhOrder.names());
        assertThat(names.get(0)).isEqualTo("алма");
        assertThat(names.get(3)).isEqualTo("Бек");
    }
}
