package kz.qalqan.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGenerateCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(originalErr);
    }

    private int run(String... args) {
        return GenerateCommand.run(List.of(args), new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheRequestedMembersToAFile() throws IOException {
        Path file = dir.resolve("sub/members.csv");
        assertThat(run("members", "--count", "250", "--seed", "5", "--out", file.toString())).isZero();
        assertThat(out()).matches("Wrote 250 members to " + java.util.regex.Pattern.quote(file.toString())
                + " \\(\\d+\\.\\d\\d seconds\\)\\R");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(251);
        assertThat(lines.get(0)).isEqualTo(MemberGenerator.HEADER);

        StringWriter expected = new StringWriter();
        new MemberGenerator(5, DemoForce.standard()).write(250, expected);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void defaultsToAThousandMembersWithSeedOneAndAcceptsEqualsSyntax() throws IOException {
        Path file = dir.resolve("default.csv");
        assertThat(run("members", "--out=" + file)).isZero();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(1001);
        StringWriter expected = new StringWriter();
        new MemberGenerator(1, DemoForce.standard()).write(1000, expected);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void dashWritesTheCsvToStandardOutputAndTheSummaryToStandardError() {
        assertThat(run("members", "--count", "3", "--out", "-")).isZero();
        assertThat(out().split("\n")).hasSize(4);
        assertThat(out()).startsWith(MemberGenerator.HEADER + "\n");
        assertThat(err()).startsWith("Wrote 3 members to - (");
    }

    @Test
    void rejectsBadArgumentsWithExitCodeTwo() {
        Path file = dir.resolve("x.csv");
        assertThat(run("members", "--count", "many", "--out", file.toString())).isEqualTo(2);
        assertThat(err()).contains("--count").contains("Usage:");
        assertThat(run("members", "--colour", "red", "--out", file.toString())).isEqualTo(2);
        assertThat(err()).contains("Unknown option: --colour");
        assertThat(run("members", "--count", "10")).isEqualTo(2);
        assertThat(err()).contains("--out is required");
        assertThat(run("members", "--seed", "x1", "--out", file.toString())).isEqualTo(2);
        assertThat(run("members", "--count", "-5", "--out", file.toString())).isEqualTo(2);
        assertThat(run("members", "--out")).isEqualTo(2);
        assertThat(run("units", "--out", file.toString())).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(file).doesNotExist();
    }
}
