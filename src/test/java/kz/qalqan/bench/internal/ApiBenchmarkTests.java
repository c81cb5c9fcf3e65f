package kz.qalqan.bench.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench api} end to end in its own JVM, tiny: it serves HTTP on a free port of its throwaway database, reads
 * members with a bearer token in both modes, and checks itself that every audited read left exactly one event and
 * the no-op phase none (it exits non-zero otherwise).
 */
class ApiBenchmarkTests {

    @TempDir
    Path dir;

    @Test
    void comparesAuditedReadsWithNoOpAuditAndReportsRatesRatioAndPercentiles() throws Exception {
        Path log = dir.resolve("bench-api.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication",
                "bench", "api", "--count", "300", "--seconds", "1", "--rounds", "1", "--concurrency", "2",
                "--qalqan.data-dir=" + dir.resolve("db"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bench api did not finish in 4 minutes");
        }
        String output = Files.readString(log);

        assertThat(process.exitValue()).as(output).isZero();
        Matcher json = Pattern.compile("\\{\"bench\":\"api\",\"members\":300,.*\"auditedPerSecond\":(\\d+),\"noOpPerSecond\":(\\d+),"
                + "\"ratio\":([0-9.]+),.*\"auditEvents\":(\\d+),\"errors\":0}").matcher(output);
        assertThat(json.find()).as(output).isTrue();
        assertThat(Long.parseLong(json.group(1))).isPositive();
        assertThat(Long.parseLong(json.group(2))).isPositive();
        assertThat(Long.parseLong(json.group(4))).as("audit events of the audited phase").isPositive();
        assertThat(output).contains("latency ms: audited p50");
    }
}
