package kz.qalqan.shared;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals of the shared values (phone, name, coordinates) are codes with a text in kk, ru and en. */
class SharedRefusalTextsTests {

    private static final Pattern CODE = Pattern.compile("\"(shared\\.[a-z]+\\.[A-Za-z]+)\"");

    @Test
    void everyCodeOfTheSharedValuesHasATextInEachLanguage() throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/kz/qalqan/shared"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(15);
        List<String> missing = new ArrayList<>();
        for (String suffix : List.of("", "_kk", "_ru")) {
            Properties bundle = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages/shared" + suffix + ".properties"),
                    StandardCharsets.UTF_8)) {
                bundle.load(in);
            }
            codes.stream().filter(c -> !bundle.containsKey(c)).forEach(c -> missing.add(c + suffix));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aShortNumberIsRefusedInTheReadersLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/shared");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Refusal refusal = PhoneNumber.problem("701123456");

        String russian = messages.getMessage(refusal.code(), refusal.argsArray(), Locale.forLanguageTag("ru"));
        String kazakh = messages.getMessage(refusal.code(), refusal.argsArray(), Locale.forLanguageTag("kk"));

        assertThat(russian).startsWith("Номер телефона слишком короткий");
        assertThat(kazakh).startsWith("Телефон нөмірі тым қысқа");
        assertThat(russian + kazakh).doesNotContain("too short");
    }

    @Test
    void anOutOfRangeLatitudeNamesTheRange() {
        assertThat(GeoPoint.latitudeProblem(91.0)).isEqualTo(Refusal.of("shared.geo.latitude", -90, 90));
        assertThat(GeoPoint.latitudeProblem(-90.0)).isNull();
        assertThat(GeoPoint.longitudeProblem(-180.5)).isEqualTo(Refusal.of("shared.geo.longitude", -180, 180));
        assertThat(GeoPoint.longitudeProblem(null)).isNull();
    }
}
