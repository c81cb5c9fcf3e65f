package kz.qalqan.bench.internal;

import kz.qalqan.platform.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bench selection} at a small scale: it runs end to end and its last line is the JSON the issue asks for.
 * The bench force has fixed IINs, so it gets a database of its own (as the CLI does); against one shared database
 * (QALQAN_DB_URL) that already holds a bench force it is skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "qalqan.data-dir=target/test-pg/bench-${random.uuid}")
class SelectionBenchmarkIntegrationTests {

    @Autowired
    List<Command> commands;

    @Autowired
    JdbcClient jdbc;

    @Test
    void smallRunEndsWithTheJsonLine() throws Exception {
        assumeTrue(jdbc.sql("select count(*) from registry.member where iin like '0000%'").query(Long.class).single() == 0,
                "a bench force is already in this database");
        Command bench = commands.stream().filter(c -> c.name().equals("bench selection")).findFirst().orElseThrow();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = bench.run(List.of("--count", "2000", "--samples", "5", "--baseline-samples", "2"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode json = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(json.get("benchmark").asString()).isEqualTo("selection");
        assertThat(json.get("count").asLong()).isEqualTo(2000);
        for (String field : List.of("p50Ms", "p95Ms", "p99Ms", "baselineP95Ms", "ratio")) {
            assertThat(json.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(json.get("p50Ms").asDouble()).isLessThanOrEqualTo(json.get("p95Ms").asDouble());
        assertThat(json.get("p95Ms").asDouble()).isLessThanOrEqualTo(json.get("p99Ms").asDouble());
        assertThat(json.get("candidates").asLong()).isGreaterThanOrEqualTo(2000);
        assertThat(json.get("meanSelected").asDouble()).isPositive();
    }
}
