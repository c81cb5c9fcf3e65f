package kz.qalqan.platform.web;

import kz.qalqan.support.SourceText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal a rule gives is a code with a text in Kazakh, Russian and English. Reads the sources: each code
 * given to {@code FieldProblem.of}, {@code InvalidInputException.coded}, {@code ConflictException.coded} or
 * {@code ForbiddenException.coded} as a literal (or a constant of the same file) must be a key of all three bundles,
 * and no rule may refuse with an English sentence through the old constructors.
 */
class RefusalCodesTests {

    private static final Path SOURCES = Path.of("src/main/java/kz/qalqan");
    private static final Path BUNDLES = Path.of("src/main/resources/messages");
    private static final Set<String> PLATFORM_EXCEPTIONS = Set.of("FieldProblem.java", "InvalidInputException.java",
            "ConflictException.java", "ForbiddenException.java");

    /** Calls that take a code, and the position of the code among their arguments. */
    private static final Map<Pattern, Integer> CODED_CALLS = Map.of(
            Pattern.compile("\\bFieldProblem\\.of\\("), 1,
            Pattern.compile("\\bInvalidInputException\\.coded\\("), 1,
            Pattern.compile("\\bConflictException\\.coded\\("), 1,
            Pattern.compile("\\bForbiddenException\\.coded\\("), 0);

    /** The old way: a refusal that carries only an English sentence. */
    private static final Pattern SENTENCE_REFUSAL = Pattern.compile(
            "new FieldProblem\\(|InvalidInputException\\.of\\(|new ConflictException\\(|new ForbiddenException\\(");

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]+)\"");

    @Test
    void everyRefusalCodeHasATextInEachLanguage() throws IOException {
        Map<String, Properties> languages = Map.of("en", SourceText.bundle(""), "kk", SourceText.bundle("_kk"), "ru", SourceText.bundle("_ru"));
        List<String> missing = new ArrayList<>();
        int codes = 0;
        for (Path source : sources()) {
            String text = Files.readString(source);
            for (String code : codes(text)) {
                codes++;
                languages.forEach((language, bundle) -> {
                    if (!bundle.containsKey(code)) {
                        missing.add(SOURCES.relativize(source) + ": " + code + " has no " + language + " text");
                    }
                });
            }
        }
        assertThat(codes).isGreaterThan(300);
        assertThat(missing).as("refusal codes without a text").isEmpty();
    }

    @Test
    void noRuleRefusesWithAnEnglishSentence() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Path source : sources()) {
            if (PLATFORM_EXCEPTIONS.contains(source.getFileName().toString())) {
                continue;
            }
            String text = Files.readString(source);
            Matcher m = SENTENCE_REFUSAL.matcher(text);
            while (m.find()) {
                // the full constructor of a field problem carries its code: only the two-argument one is a sentence
                if (m.group().startsWith("new FieldProblem") && SourceText.arguments(text, m.end()).size() != 2) {
                    continue;
                }
                int line = (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
                sentences.add(SOURCES.relativize(source) + ":" + line + ": " + text.lines().skip(line - 1).findFirst()
                        .orElse("").strip());
            }
        }
        assertThat(sentences).as("refusals given as English sentences instead of codes").isEmpty();
    }

    @Test
    void readsTheCodeOfEachKindOfCall() {
        String source = """
                class X {
                    private static final String TOO_LONG = "x.note.tooLong";
                    void f() {
                        FieldProblem.of("name", "x.name.required");
                        InvalidInputException.coded(field("a", "b"), "x.a.bad", 1, "two");
                        ConflictException.coded(null,
                                "x.state.closed", id);
                        ForbiddenException.coded("x.notAllowed", path);
                        FieldProblem.of("note", TOO_LONG, 1000);
                    }
                }
                """;

        assertThat(codes(source)).containsExactlyInAnyOrder("x.name.required", "x.a.bad", "x.state.closed",
                "x.notAllowed", "x.note.tooLong");
    }

    static List<String> codes(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = CONSTANT.matcher(source);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        List<String> codes = new ArrayList<>();
        CODED_CALLS.forEach((call, position) -> {
            Matcher m = call.matcher(source);
            while (m.find()) {
                List<String> args = SourceText.arguments(source, m.end());
                if (args.size() > position) {
                    String arg = args.get(position).strip();
                    if (arg.matches("\"[^\"]+\"")) {
                        codes.add(arg.substring(1, arg.length() - 1));
                    } else if (constants.containsKey(arg)) {
                        codes.add(constants.get(arg));
                    }
                }
            }
        });
        return codes;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
