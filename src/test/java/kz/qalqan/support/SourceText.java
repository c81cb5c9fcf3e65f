package kz.qalqan.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reading the project's own sources and bundles in tests that check every code a rule or an audit gives. */
public final class SourceText {

    private SourceText() {
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    public static List<String> arguments(String source, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < source.length(); i++) {
            char ch = source.charAt(i);
            if (inString) {
                current.append(ch);
                if (ch == '\\') {
                    current.append(source.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        return args;
    }

    /** Every bundle family of one language ({@code ""} for English, {@code "_kk"}, {@code "_ru"}) together. */
    public static Properties bundle(String suffix) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            for (Path file : files.filter(f -> f.getFileName().toString()
                    .matches(suffix.isEmpty() ? "[a-z]+\\.properties" : "[a-z]+" + suffix + "\\.properties")).toList()) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    all.load(in);
                }
            }
        }
        return all;
    }
}
