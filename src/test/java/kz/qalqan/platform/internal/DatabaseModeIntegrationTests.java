package kz.qalqan.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves which database the test run uses: the embedded server, or the one named by QALQAN_DB_URL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseModeIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectProvider<EmbeddedPostgresServer> embedded;

    @Test
    void usesTheConfiguredDatabase() throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        String external = System.getenv("QALQAN_DB_URL");
        if (external != null && !external.isBlank()) {
            assertThat(url).isEqualTo(external);
            assertThat(embedded.getIfAvailable()).isNull();
        } else {
            assertThat(embedded.getIfAvailable()).isNotNull();
            assertThat(url).isEqualTo(embedded.getObject().jdbcUrl());
        }
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from registry.region")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(20);
        }
    }
}
