package kz.qalqan.readiness;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full rebuild of the read model while a board read is in its transaction: the read holds the node table and
 * then reads the member table, the rebuild replaces the member table and then the node table. With TRUNCATE each
 * waited for the other (PostgreSQL aborted one as a deadlock); replacing rows lets both go on.
 */
@SpringBootTest
class ReadinessRebuildConcurrencyIntegrationTests {

    @Autowired
    ReadinessMaintenance maintenance;

    @Autowired
    DataSource dataSource;

    @Test
    void aFullRebuildNeitherDeadlocksWithNorBlocksAReadInProgress() throws Exception {
        maintenance.rebuildAndRecompute();
        try (Connection reader = dataSource.getConnection(); Statement st = reader.createStatement()) {
            reader.setAutoCommit(false);
            st.execute("set local lock_timeout = '20s'");
            count(st, "readiness.node_status"); // what a board read does first
            CompletableFuture<ReadinessMaintenance.Run> rebuild = CompletableFuture.supplyAsync(maintenance::rebuildAndRecompute);
            Thread.sleep(1500); // the rebuild has replaced the members and waits (or not) for the node table
            long started = System.nanoTime();
            count(st, "readiness.member"); // ... and then its explanations read the members
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            count(st, "readiness.qualification");
            reader.commit();
            ReadinessMaintenance.Run run = rebuild.get(60, TimeUnit.SECONDS);
            assertThat(run).as("the rebuild committed").isNotNull();
            assertThat(waitedMillis).as("the read waited for the rebuild (ms)").isLessThan(1000);
        }
    }

    private static long count(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
