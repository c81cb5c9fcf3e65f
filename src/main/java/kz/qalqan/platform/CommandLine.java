package kz.qalqan.platform;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dispatches {@code java -jar qalqan.jar <command> ...} to the {@link Command} beans. */
public final class CommandLine {

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-") && !args[0].equals("serve");
    }

    public static String[] serveArguments(String[] args) {
        return args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        List<String> words = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            // --qalqan.*, --spring.* and --server.* configure the context; everything else belongs to the command
            if (arg.startsWith("--qalqan.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                springArgs.add(arg);
            } else {
                words.add(arg);
            }
        }
        Path throwaway = null;
        if (!words.isEmpty() && words.get(0).equals("bench") && !configuresDatabase(springArgs)) {
            // benchmarks build large synthetic forces: never in the user's register
            try {
                throwaway = Files.createTempDirectory("qalqan-bench-db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            springArgs.add("--qalqan.data-dir=" + throwaway);
        }
        // bench api measures the HTTP API, so it alone serves on a free port, on its throwaway database
        boolean servesApi = words.size() >= 2 && words.get(0).equals("bench") && words.get(1).equals("api");
        Map<String, Object> properties = new HashMap<>(Map.of("qalqan.cli", "true", "spring.main.log-startup-info", "false",
                "logging.level.root", "WARN", "spring.modulith.events.republish-outstanding-events-on-restart", "false"));
        if (servesApi) {
            properties.putAll(Map.of("server.port", "0", "server.address", "127.0.0.1", "qalqan.audit.benchmark-switch", "true"));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(servesApi ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run(springArgs.toArray(String[]::new))) {
            List<Command> commands = context.getBeansOfType(Command.class).values().stream()
                    .sorted(Comparator.comparing(Command::name)).toList();
            Command match = commands.stream()
                    .filter(c -> matches(c.name(), words))
                    .max(Comparator.comparingInt(c -> c.name().split(" ").length))
                    .orElse(null);
            if (match == null) {
                PrintStream target = words.isEmpty() || words.get(0).equals("help") ? out : System.err;
                if (target == System.err) {
                    System.err.println("Unknown command: " + String.join(" ", words));
                }
                target.println("Usage: java -jar qalqan.jar [serve] | <command>");
                commands.forEach(c -> target.println("  " + c.usage()));
                return target == out ? 0 : 2;
            }
            int nameLength = match.name().split(" ").length;
            try {
                return match.run(words.subList(nameLength, words.size()), out);
            } catch (UsageException e) {
                System.err.println(e.getMessage());
                System.err.println("Usage: " + match.usage());
                return 2;
            }
        } catch (Exception e) {
            System.err.println("Failed: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(throwaway);
        }
    }

    private static boolean configuresDatabase(List<String> springArgs) {
        String url = System.getenv("QALQAN_DB_URL");
        return (url != null && !url.isBlank()) || System.getenv("QALQAN_DATA_DIR") != null
                || springArgs.stream().anyMatch(a -> a.startsWith("--qalqan.data-dir") || a.startsWith("--spring.datasource.url"));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static boolean matches(String name, List<String> words) {
        String[] parts = name.split(" ");
        if (words.size() < parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals(words.get(i))) {
                return false;
            }
        }
        return true;
    }
}
