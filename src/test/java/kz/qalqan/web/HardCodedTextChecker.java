package kz.qalqan.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds human text written straight into a Thymeleaf template instead of coming from the message
 * bundles: text with letters in an element whose content Thymeleaf keeps, and literal letters in
 * attributes people read ({@code placeholder}, {@code title}, {@code aria-label}, {@code alt}, the
 * {@code value} of a button) unless a {@code th:} attribute replaces them. Content of elements with
 * {@code th:text}, {@code th:utext}, {@code th:replace} or {@code th:insert} is thrown away when the
 * page renders, so it may hold anything. Parsing is by a small tokenizer rather than an HTML5 parser,
 * because an HTML5 parser moves elements (a {@code th:block} inside a table) where Thymeleaf does not.
 */
final class HardCodedTextChecker {

    /** Words that are the same in every language. */
    static final Set<String> ALLOWED = Set.of("Qalqan", "KK", "RU", "EN");

    private static final Set<String> REPLACES_CONTENT = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:include", "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");
    private static final Set<String> READ_BY_PEOPLE = Set.of("placeholder", "title", "aria-label", "alt", "label",
            "aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->|<!DOCTYPE[^>]*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][\\w:.-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    private static final Pattern INLINED_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

    record Finding(String template, int line, String where, String text) {
        @Override
        public String toString() {
            return template + ":" + line + " " + where + " \"" + text + "\"";
        }
    }

    private record Frame(String name, boolean discarded) {
    }

    private HardCodedTextChecker() {
    }

    static List<Finding> check(String template, String html) {
        String source = blankOut(html);
        List<Finding> findings = new ArrayList<>();
        Deque<Frame> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(source);
        int textStart = 0;
        while (tag.find()) {
            text(template, source, textStart, tag.start(), open, findings);
            textStart = tag.end();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!tag.group(1).isEmpty()) {
                close(open, name);
                continue;
            }
            Map<String, String> attributes = attributes(tag.group(3));
            boolean parentDiscarded = !open.isEmpty() && open.peek().discarded();
            if (!parentDiscarded && !attributes.containsKey("th:replace") && !attributes.containsKey("data-th-replace")) {
                attributes(template, line(source, tag.start()), name, attributes, findings);
            }
            boolean selfClosing = !tag.group(4).isEmpty() || VOID.contains(name);
            if (!selfClosing) {
                boolean discarded = parentDiscarded || RAW_TEXT.contains(name)
                        || attributes.keySet().stream().anyMatch(REPLACES_CONTENT::contains);
                open.push(new Frame(name, discarded));
            }
        }
        text(template, source, textStart, source.length(), open, findings);
        return findings;
    }

    private static void text(String template, String source, int from, int to, Deque<Frame> open, List<Finding> findings) {
        if (from >= to || (!open.isEmpty() && open.peek().discarded())) {
            return;
        }
        String raw = source.substring(from, to);
        String text = INLINED_EXPRESSION.matcher(raw).replaceAll(" ").strip();
        if (humanText(text)) {
            int leading = raw.indexOf(raw.strip());
            findings.add(new Finding(template, line(source, from + Math.max(leading, 0)), "text", text.replaceAll("\\s+", " ")));
        }
    }

    private static void attributes(String template, int line, String element, Map<String, String> attributes,
                                   List<Finding> findings) {
        String thAttr = attributes.getOrDefault("th:attr", "");
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String name = a.getKey();
            boolean checked = READ_BY_PEOPLE.contains(name) || (name.equals("value") && isButton(element, attributes));
            if (!checked || attributes.containsKey("th:" + name) || thAttr.matches("(?s).*\\b" + Pattern.quote(name) + "\\s*=.*")) {
                continue;
            }
            if (humanText(a.getValue())) {
                findings.add(new Finding(template, line, element + "@" + name, a.getValue()));
            }
        }
    }

    private static boolean isButton(String element, Map<String, String> attributes) {
        if (element.equals("button")) {
            return true;
        }
        String type = attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        return element.equals("input") && Set.of("submit", "button", "reset").contains(type);
    }

    private static boolean humanText(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && !ALLOWED.contains(t) && t.codePoints().anyMatch(Character::isLetter);
    }

    private static void close(Deque<Frame> open, String name) {
        if (open.stream().noneMatch(f -> f.name().equals(name))) {
            return; // a stray end tag: keep the stack as it is
        }
        while (!open.isEmpty()) {
            if (open.pop().name().equals(name)) {
                return;
            }
        }
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2);
            if (value != null && value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            attributes.put(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        return attributes;
    }

    /** Comments and the doctype, replaced by spaces of the same length so that line numbers stay right. */
    private static String blankOut(String html) {
        Matcher m = COMMENT.matcher(html);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(html, last, m.start());
            out.append(m.group().replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(html.substring(last)).toString();
    }

    private static int line(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
