package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Library hazards copied into a worksheet are reference data, read in the reader's language; typed words stay. */
class LibraryWordsTests {

    private static final HazardTemplate HEAT = new HazardTemplate("RM-01", ActivityType.ROAD_MARCH,
            "Ыстық өту", "Тепловой удар", "Heat injury", Probability.C, Severity.II, RiskLevel.H,
            List.of("WBGT бойынша су", "Көлеңкеде демалу"), List.of("Вода по WBGT", "Отдых в тени"),
            List.of("Water by WBGT", "Rest in shade"));

    @Test
    void aLibraryNameCopiedInAnyLanguageIsReadInTheReadersLanguage() {
        assertThat(LibraryWords.name(HEAT, "Heat injury", "ru")).isEqualTo("Тепловой удар");
        assertThat(LibraryWords.name(HEAT, "Тепловой удар", "kk")).isEqualTo("Ыстық өту");
        assertThat(LibraryWords.name(HEAT, "Ыстық өту", "en")).isEqualTo("Heat injury");
    }

    @Test
    void suggestedControlsFollowTheReaderButTypedOnesStayAsTyped() {
        assertThat(LibraryWords.control(HEAT, "Көлеңкеде демалу", "ru")).isEqualTo("Отдых в тени");
        assertThat(LibraryWords.control(HEAT, "Water by WBGT", "kk")).isEqualTo("WBGT бойынша су");
        assertThat(LibraryWords.control(HEAT, "Су тасымалы 14:00-де", "ru")).isEqualTo("Су тасымалы 14:00-де");
        assertThat(LibraryWords.name(HEAT, "Heat injury on the asphalt stretch", "kk"))
                .isEqualTo("Heat injury on the asphalt stretch");
    }
}
