package kz.qalqan.bench.internal;

import kz.qalqan.platform.UsageException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --name=value} options of the bench commands. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(List<String> args, List<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("Option --" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new UsageException("Unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    static long positive(Map<String, String> options, String name, long defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive whole number, not " + v);
        }
    }
}
