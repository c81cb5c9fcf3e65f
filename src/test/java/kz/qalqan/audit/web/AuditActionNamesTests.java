package kz.qalqan.audit.web;

import kz.qalqan.support.SourceText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The audit page names every action the application records, in Kazakh, Russian and English. Reads the sources:
 * the action of each {@code audit.record(...)} call is a literal (or a choice of literals), or a parameter of the
 * method making the call, whose callers in the same file pass the literals.
 */
class AuditActionNamesTests {

    private static final Path SOURCES = Path.of("src/main/java/kz/qalqan");
    private static final Path BUNDLES = Path.of("src/main/resources/messages");
    private static final Pattern RECORD = Pattern.compile("\\b(?:audit|trail)\\.record\\(");
    /** Inside the trail itself the calls are unqualified. */
    private static final Pattern OWN_RECORD = Pattern.compile("(?<![\\w.])record\\(");
    private static final Pattern ACTION = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern METHOD = Pattern.compile("(\\w+)\\(([^()]*)\\)\\s*(?:throws[^{;]*)?\\{");

    @Test
    void everyRecordedActionHasANameInEachLanguage() throws IOException {
        Set<String> actions = recordedActions();
        assertThat(actions).as("the actions found in the code").hasSizeGreaterThan(90)
                .contains("SITREP_READ", "MEMBER_READ", "TRAINING_EVENT_START", "RISK_ASSESSMENT_APPROVE",
                        "SIGN_IN_REPEATED_FAILURES", "CHECK_IN_SELF", "AUDIT_EXPORT");
        List<String> missing = new ArrayList<>();
        Map.of("en", SourceText.bundle(""), "kk", SourceText.bundle("_kk"), "ru", SourceText.bundle("_ru")).forEach((language, bundle) ->
                actions.stream().filter(a -> !bundle.containsKey("audit.action." + a))
                        .forEach(a -> missing.add("audit.action." + a + " has no " + language + " text")));
        assertThat(missing).isEmpty();
    }

    @Test
    void findsLiteralActionsChoicesAndActionsPassedThroughAParameter() {
        String source = """
                class X {
                    void a() { audit.record("A_READ", "member", id, path, null, null); }
                    void b(boolean self) { audit.record(self ? "B_SELF" : "B_OTHER", "member", id, path, null, null); }
                    void c() { saved(x, "C_APPROVE", "details"); }
                    void d() { saved(y, "D_REJECT", null); }
                    private View saved(Assessment a, String action, String details) {
                        audit.record(action, "risk", id, path, null, details);
                        return view(a, "NOT_AN_ACTION");
                    }
                }
                """;

        assertThat(actions(source, false)).containsExactlyInAnyOrder("A_READ", "B_SELF", "B_OTHER", "C_APPROVE", "D_REJECT");
    }

    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                actions.addAll(actions(Files.readString(file), file.getFileName().toString().equals("AuditTrail.java")));
            }
        }
        return actions;
    }

    static Set<String> actions(String source, boolean trailItself) {
        Set<String> actions = new TreeSet<>();
        List<Matcher> calls = new ArrayList<>(List.of(RECORD.matcher(source)));
        if (trailItself) {
            calls.add(OWN_RECORD.matcher(source));
        }
        for (Matcher call : calls) {
            while (call.find()) {
                List<String> args = SourceText.arguments(source, call.end());
                if (args.isEmpty()) {
                    continue;
                }
                String action = args.get(0).strip();
                Matcher literal = ACTION.matcher(action);
                boolean any = false;
                while (literal.find()) {
                    actions.add(literal.group(1));
                    any = true;
                }
                if (!any && action.matches("\\w+")) {
                    actions.addAll(passedAs(source, action, call.start()));
                }
            }
        }
        return actions;
    }

    /** The literals passed for parameter {@code name} of the method that encloses {@code at}, by its callers. */
    private static Set<String> passedAs(String source, String name, int at) {
        Set<String> actions = new TreeSet<>();
        Matcher method = METHOD.matcher(source.substring(0, at));
        String enclosing = null;
        int index = -1;
        while (method.find()) {
            String[] params = method.group(2).split(",");
            for (int i = 0; i < params.length; i++) {
                if (params[i].strip().matches("(final\\s+)?String\\s+" + name)) {
                    enclosing = method.group(1);
                    index = i;
                }
            }
        }
        if (enclosing == null) {
            return actions;
        }
        Matcher caller = Pattern.compile("\\b" + enclosing + "\\(").matcher(source);
        while (caller.find()) {
            List<String> args = SourceText.arguments(source, caller.end());
            if (args.size() > index) {
                Matcher literal = ACTION.matcher(args.get(index));
                while (literal.find()) {
                    actions.add(literal.group(1));
                }
            }
        }
        return actions;
    }
}
