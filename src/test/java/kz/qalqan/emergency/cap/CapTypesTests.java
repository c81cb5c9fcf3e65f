package kz.qalqan.emergency.cap;

import kz.qalqan.emergency.CapInfo;
import kz.qalqan.emergency.EmergencyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapTypesTests {

    private static CapInfo info(String category, String event, String headline) {
        return new CapInfo("en-US", List.of(CapInfo.Category.valueOf(category)), event, "Immediate", "Severe", "Likely",
                headline, null, null, null, null, null, List.of());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "Met      | Flood Warning                 |                                  | FLOOD",
            "Geo      | Паводок                       |                                  | FLOOD",
            "Met      | Су тасқыны                    |                                  | FLOOD",
            "Geo      | Наводнение                    |                                  | FLOOD",
            "Geo      | Tsunami Warning               |                                  | FLOOD",
            "Geo      | Earthquake                    |                                  | EARTHQUAKE",
            "Geo      | Жер сілкінісі                 |                                  | EARTHQUAKE",
            "Geo      | Землетрясение                 |                                  | EARTHQUAKE",
            "Fire     | Wildfire                      |                                  | WILDFIRE",
            "Fire     | Лесной пожар                  |                                  | WILDFIRE",
            "Geo      | Mudflow                       |                                  | MUDFLOW",
            "Geo      | Сель                          |                                  | MUDFLOW",
            "Met      | SEVERE THUNDERSTORM           |                                  | STORM",
            "Met      | Veðurviðvörun: Vindur         |                                  | STORM",
            "CBRNE    | Chemical release              |                                  | CBRN",
            "Infra    | Gas leak                      |                                  | INDUSTRIAL_ACCIDENT",
            "Geo      | Local Area Emergency          |                                  | OTHER",
            "Met      | Weather                       | Heavy snow expected               | STORM",
            "Fire     | Structure                     |                                  | WILDFIRE",
            "Security | Advisory                      |                                  | CRISIS",
            "Health   | Outbreak                      |                                  | OTHER",
            "Geo      | Alert                         | Сель жүруі қаупі                  | MUDFLOW",
            "Geo      | Warning                       | Желтоқсан: жаңбыр                 | OTHER"})
    void typeComesFromTheWordsThenTheCategory(String category, String event, String headline, EmergencyType expected) {
        assertThat(CapTypes.typeOf(info(category, event, headline))).isEqualTo(expected);
    }
}
