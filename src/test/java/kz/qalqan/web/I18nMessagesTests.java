package kz.qalqan.web;

import kz.qalqan.registry.ImportJob;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.MemberCategory;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.UnitType;
import kz.qalqan.shared.IinProblem;
import kz.qalqan.shared.IinWarning;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.Sex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three message bundles say the same things, and the templates say nothing by themselves: every
 * word on a page comes from a bundle (after spring-petclinic's I18nPropertiesSyncTest).
 */
class I18nMessagesTests {

    private static final Path BUNDLES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path WEB_SOURCES = Path.of("src/main/java/kz/qalqan");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** Every bundle file, by file name: each family (messages, identity, medical, …) in English, Kazakh and Russian. */
    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (String family : families()) {
            for (String suffix : List.of("", "_kk", "_ru")) {
                String name = family + suffix + ".properties";
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                bundles.put(name, p);
            }
        }
        return bundles;
    }

    /** The bundle families: English files, named without a language suffix. */
    private static List<String> families() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.matches(".*_(kk|ru)\\.properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList();
        }
    }

    /** What a page can say in English: every family together, as Spring's message source sees them. */
    private static Properties english() throws IOException {
        Properties all = new Properties();
        for (String family : families()) {
            all.putAll(bundles().get(family + ".properties"));
        }
        return all;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
        Map<String, Properties> bundles = bundles();
        assertThat(bundles.get("messages.properties").stringPropertyNames()).hasSizeGreaterThan(100);
        for (String family : families()) {
            Set<String> english = bundles.get(family + ".properties").stringPropertyNames();
            for (String suffix : List.of("_kk", "_ru")) {
                String name = family + suffix + ".properties";
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(bundles.get(name).stringPropertyNames());
                Set<String> extra = new TreeSet<>(bundles.get(name).stringPropertyNames());
                extra.removeAll(english);
                assertThat(missing).as("keys missing from %s", name).isEmpty();
                assertThat(extra).as("keys only in %s", name).isEmpty();
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoFamilies() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String family : families()) {
            for (String key : bundles().get(family + ".properties").stringPropertyNames()) {
                String before = owner.putIfAbsent(key, family);
                if (before != null) {
                    twice.add(key + " in " + before + " and " + family);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        bundles().forEach((name, bundle) -> assertThat(bundle.stringPropertyNames().stream()
                .filter(k -> bundle.getProperty(k).isBlank()).sorted().toList())
                .as("empty messages in %s", name).isEmpty());
    }

    @Test
    void translationsUseTheSamePlaceholders() throws IOException {
        Map<String, Properties> bundles = bundles();
        Properties english = english();
        List<String> mismatched = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            Set<String> expected = placeholders(english.getProperty(key));
            bundles.forEach((name, bundle) -> {
                if (bundle.containsKey(key) && !placeholders(bundle.getProperty(key)).equals(expected)) {
                    mismatched.add(name + ": " + key);
                }
            });
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        // MessageFormat eats a single ' in messages that take arguments
        List<String> broken = new ArrayList<>();
        bundles().forEach((name, bundle) -> bundle.stringPropertyNames().forEach(key -> {
            String value = bundle.getProperty(key);
            if (!placeholders(value).isEmpty() && value.replace("''", "").contains("'")) {
                broken.add(name + ": " + key);
            }
        }));
        assertThat(broken).isEmpty();
    }

    @Test
    void everyMessageKeyInTheTemplatesExists() throws IOException {
        Properties english = english();
        Pattern key = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageCodeInThePageCodeExists() throws IOException {
        Properties english = english();
        Pattern code = Pattern.compile("\"((?:error|member|members|import|imports|iin|field)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(WEB_SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/bench/")).toList()) {
                Matcher m = code.matcher(Files.readString(source));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueThePagesTranslateHasAMessage() throws IOException {
        Properties english = english();
        List<String> keys = new ArrayList<>();
        Arrays.stream(MemberStatus.values()).forEach(v -> keys.add("status." + v.name()));
        Arrays.stream(MemberCategory.values()).forEach(v -> keys.add("category." + v.name()));
        Arrays.stream(UnitType.values()).forEach(v -> keys.add("unitType." + v.name()));
        Arrays.stream(ImportJob.State.values()).forEach(v -> keys.add("import.state." + v.name()));
        Arrays.stream(ImportMode.values()).forEach(v -> keys.add("import.mode." + v.name()));
        Arrays.stream(IinProblem.values()).forEach(v -> keys.add(v.messageKey()));
        Arrays.stream(IinWarning.values()).forEach(v -> keys.add(v.messageKey()));
        Arrays.stream(Sex.values()).forEach(v -> keys.add("sex." + v.name()));
        Arrays.stream(Language.values()).forEach(v -> keys.add("language." + v.code()));
        Arrays.stream(kz.qalqan.incident.IncidentKind.values()).forEach(v -> keys.add("incident.kind." + v.name()));
        Arrays.stream(kz.qalqan.incident.IncidentStatus.values()).forEach(v -> keys.add("incident.status." + v.name()));
        Arrays.stream(kz.qalqan.incident.Outcome.values()).forEach(v -> keys.add("incident.outcome." + v.name()));
        Arrays.stream(kz.qalqan.incident.Cause.values()).forEach(v -> keys.add("incident.cause." + v.name()));
        Arrays.stream(kz.qalqan.incident.Mechanism.values()).forEach(v -> keys.add("incident.mechanism." + v.name()));
        Arrays.stream(kz.qalqan.incident.BodyRegion.values()).forEach(v -> keys.add("incident.body." + v.name()));
        Arrays.stream(kz.qalqan.shared.ActivityType.values()).forEach(v -> keys.add("incident.activity." + v.name()));
        keys.addAll(List.of("region.kind.region", "region.kind.city", "medical.FIT", "medical.FIT_LIMITED"));
        assertThat(keys.stream().filter(k -> !english.containsKey(k)).toList()).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<HardCodedTextChecker.Finding> findings = new ArrayList<>();
        for (Path template : templates()) {
            findings.addAll(HardCodedTextChecker.check(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(templates()).hasSizeGreaterThan(10);
        assertThat(findings).as("text written into templates instead of the message bundles").isEmpty();
    }

    @Test
    void checkerFlagsTextWrittenIntoATemplate() {
        String html = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <body>
                <h1>Members</h1>
                <p th:if="${x}">Сақталды <b th:text="#{a}">kept out</b></p>
                <input type="text" placeholder="Search by name">
                <input type="submit" value="Go">
                <button type="submit">Сохранить</button>
                <a href="/" aria-label="Close" title="Home">x</a>
                <img src="/a.png" alt="logo">
                </body>
                </html>
                """;

        List<HardCodedTextChecker.Finding> findings = HardCodedTextChecker.check("sample.html", html);

        assertThat(findings).extracting(HardCodedTextChecker.Finding::text)
                .containsExactly("Members", "Сақталды", "Search by name", "Go", "Сохранить", "Close", "Home", "x", "logo");
        assertThat(findings.get(0).line()).isEqualTo(4);
        assertThat(findings.get(2).where()).isEqualTo("input@placeholder");
    }

    @Test
    void checkerAcceptsTextFromTheBundles() {
        String html = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head><title th:text="#{page.title}">Placeholder title</title></head>
                <body>
                <!-- a comment with words -->
                <a class="brand" href="/">Qalqan</a>
                <nav><a href="?lang=kk" th:title="#{language.kk}" title="Kazakh">KK</a></nav>
                <p th:text="#{greeting}">Hello <em>there</em></p>
                <div th:replace="~{fragments :: x}">Replaced entirely</div>
                <table><tr th:each="r : ${rows}"><td th:text="${r.name}">Name</td><td>42 %</td></tr></table>
                <th:block th:if="${a > b}"><span th:utext="#{rich}">Rich</span></th:block>
                <p>[[#{inline.message}]]</p>
                <input type="search" name="q" th:placeholder="#{search.hint}" placeholder="Search">
                <input type="hidden" name="mode" value="all-or-nothing">
                <button type="submit" th:text="#{save}">Save</button>
                <script th:src="@{/js/x.js}"></script>
                </body>
                </html>
                """;

        assertThat(HardCodedTextChecker.check("sample.html", html)).isEmpty();
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
