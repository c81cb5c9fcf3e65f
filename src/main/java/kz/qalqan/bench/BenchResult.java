package kz.qalqan.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One benchmark's figures: a human-readable table, then the JSON line (time ratio Qalqan / baseline). */
public record BenchResult(String bench, long count, double qalqanSeconds, double baselineSeconds, Map<String, Object> extra) {

    public double ratio() {
        return qalqanSeconds / baselineSeconds;
    }

    public void print(PrintStream out, String qalqanLabel, String baselineLabel) {
        out.println();
        out.printf(Locale.ROOT, "%-44s %10s %14s%n", "benchmark: " + bench + " (" + count + " rows)", "seconds", "rows/second");
        out.printf(Locale.ROOT, "%-44s %10.2f %14.0f%n", baselineLabel, baselineSeconds, count / baselineSeconds);
        out.printf(Locale.ROOT, "%-44s %10.2f %14.0f%n", qalqanLabel, qalqanSeconds, count / qalqanSeconds);
        out.printf(Locale.ROOT, "%-44s %10.2f%n", "ratio (Qalqan / baseline time)", ratio());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", bench);
        json.put("count", count);
        json.put("qalqanSeconds", round(qalqanSeconds));
        json.put("baselineSeconds", round(baselineSeconds));
        json.put("ratio", round(ratio()));
        json.putAll(extra);
        StringBuilder line = new StringBuilder("{");
        json.forEach((k, v) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            line.append('"').append(k).append("\":");
            line.append(v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(v));
        });
        out.println(line.append('}'));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
