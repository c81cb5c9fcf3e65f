package kz.qalqan.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * One DataSource for the whole application: an external PostgreSQL when {@code QALQAN_DB_URL} (or
 * {@code spring.datasource.url}) is set, otherwise the embedded server in {@code qalqan.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseWanted.class)
    EmbeddedPostgresServer embeddedPostgresServer(Environment env) {
        EmbeddedPostgresServer.Durability durability = new EmbeddedPostgresServer.Durability(
                env.getProperty("qalqan.db.fsync", Boolean.class, true),
                env.getProperty("qalqan.db.synchronous-commit", Boolean.class, true),
                env.getProperty("qalqan.db.full-page-writes", Boolean.class, true));
        // a command-line tool works against a running server's database; the server itself never shares one
        return env.getProperty("qalqan.cli", Boolean.class, false)
                ? EmbeddedPostgresServer.attachOrStart(dataDirectory(env), durability)
                : EmbeddedPostgresServer.start(dataDirectory(env), durability);
    }

    /** DOWN while the embedded database is gone (the watchdog is starting it again), with the restarts so far. */
    @Bean
    @Conditional(EmbeddedDatabaseWanted.class)
    org.springframework.boot.health.contributor.HealthIndicator embeddedDatabaseHealthIndicator(EmbeddedPostgresServer server) {
        return () -> (server.up() ? org.springframework.boot.health.contributor.Health.up()
                : org.springframework.boot.health.contributor.Health.down())
                .withDetail("restarts", server.restarts()).withDetail("attached", server.attached()).build();
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseWanted.class)
    HikariDataSource dataSource(EmbeddedPostgresServer server, Environment env) {
        return pool(server.jdbcUrl(), server.username(), null, env);
    }

    @Bean(destroyMethod = "close")
    @Conditional(ExternalDatabaseWanted.class)
    HikariDataSource externalDataSource(Environment env) {
        return pool(externalUrl(env),
                env.getProperty("spring.datasource.username", env.getProperty("QALQAN_DB_USER")),
                env.getProperty("spring.datasource.password", env.getProperty("QALQAN_DB_PASSWORD")), env);
    }

    static Path dataDirectory(Environment env) {
        return Path.of(env.getProperty("qalqan.data-dir", env.getProperty("QALQAN_DATA_DIR", "qalqan-data")));
    }

    private static HikariDataSource pool(String url, String user, String password, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("qalqan");
        config.setMaximumPoolSize(env.getProperty("qalqan.db.pool-size", Integer.class, 10));
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "qalqan");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    static String externalUrl(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return StringUtils.hasText(url) ? url : env.getProperty("QALQAN_DB_URL");
    }

    static final class ExternalDatabaseWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(externalUrl(context.getEnvironment()));
        }
    }

    static final class EmbeddedDatabaseWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(externalUrl(context.getEnvironment()));
        }
    }
}
