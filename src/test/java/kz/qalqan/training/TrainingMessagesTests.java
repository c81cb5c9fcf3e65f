package kz.qalqan.training;

import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value the training pages translate has a text in each of the three training bundles. */
class TrainingMessagesTests {

    @Test
    void everyTrainingValueHasATextInEveryLanguage() throws IOException {
        List<String> keys = new ArrayList<>();
        Arrays.stream(ActivityType.values()).forEach(v -> keys.add("training.activity." + v.name()));
        Arrays.stream(WorkIntensity.values()).forEach(v -> keys.add("training.intensity." + v.name()));
        Arrays.stream(EventStatus.values()).forEach(v -> keys.add("training.status." + v.name()));
        Arrays.stream(AttendanceStatus.values()).forEach(v -> keys.add("training.attendance." + v.name()));
        Arrays.stream(TrainingResult.values()).forEach(v -> keys.add("training.result." + v.name()));
        Arrays.stream(AcwrFlag.values()).forEach(v -> keys.add("training.acwr." + v.name()));
        Arrays.stream(QualificationStatus.values()).forEach(v -> keys.add("training.qualification." + v.name()));
        Arrays.stream(CalendarLink.Kind.values()).forEach(v -> keys.add("training.links." + v.name()));
        keys.add("training.load.caveat");
        for (String bundle : List.of("training.properties", "training_kk.properties", "training_ru.properties")) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages", bundle), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertThat(keys.stream().filter(k -> p.getProperty(k, "").isBlank()).toList()).as(bundle).isEmpty();
        }
    }
}
