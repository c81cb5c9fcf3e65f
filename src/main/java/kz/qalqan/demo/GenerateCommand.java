package kz.qalqan.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar qalqan.jar generate members [--count N] [--seed S] --out FILE}: writes a synthetic member
 * CSV without starting a Spring context. {@code --out -} writes the CSV to standard output and the summary
 * line to standard error.
 */
public final class GenerateCommand {

    public static final String USAGE = "generate members [--count N] [--seed S] --out FILE|-";

    static final long DEFAULT_COUNT = 1000;
    static final long DEFAULT_SEED = 1;

    private GenerateCommand() {
    }

    /**
     * Runs the command with the words after {@code generate}, e.g. {@code [members, --count, 1000, --out, x.csv]}.
     *
     * @return 0 on success, 2 on bad arguments (usage printed to {@code System.err}), 1 when writing fails
     */
    public static int run(List<String> args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: java -jar qalqan.jar " + USAGE);
            return 2;
        }
        if (options.help) {
            out.println("Usage: java -jar qalqan.jar " + USAGE);
            return 0;
        }
        MemberGenerator generator = new MemberGenerator(options.seed, DemoForce.standard());
        long start = System.nanoTime();
        try {
            if (options.out.equals("-")) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                generator.write(options.count, writer);
                writer.flush();
            } else {
                Path path = Path.of(options.out);
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    generator.write(options.count, writer);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Failed to write " + options.out + ": " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = String.format(Locale.ROOT, "Wrote %d members to %s (%.2f seconds)",
                options.count, options.out, seconds);
        (options.out.equals("-") ? System.err : out).println(summary);
        return 0;
    }

    private static final class Options {
        long count = DEFAULT_COUNT;
        long seed = DEFAULT_SEED;
        String out;
        boolean help;

        static Options parse(List<String> args) {
            Options options = new Options();
            if (args.isEmpty()) {
                throw new IllegalArgumentException("What to generate? Only 'members' is supported.");
            }
            if (args.contains("--help") || args.contains("-h")) {
                options.help = true;
                return options;
            }
            if (!args.get(0).equals("members")) {
                throw new IllegalArgumentException("Unknown thing to generate: " + args.get(0)
                        + " (only 'members' is supported)");
            }
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!name.equals("--count") && !name.equals("--seed") && !name.equals("--out")) {
                    throw new IllegalArgumentException("Unknown option: " + arg);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("Missing value after " + name);
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--count" -> {
                        options.count = parseLong(name, value);
                        if (options.count < 0 || options.count > MemberGenerator.MAX_COUNT) {
                            throw new IllegalArgumentException("--count must be between 0 and "
                                    + MemberGenerator.MAX_COUNT + ": " + value);
                        }
                    }
                    case "--seed" -> options.seed = parseLong(name, value);
                    default -> {
                        if (value.isBlank()) {
                            throw new IllegalArgumentException("--out needs a file name (or - for standard output)");
                        }
                        options.out = value;
                    }
                }
            }
            if (options.out == null) {
                throw new IllegalArgumentException("--out is required (a file name, or - for standard output)");
            }
            return options;
        }

        private static long parseLong(String name, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number: " + value);
            }
        }
    }
}
