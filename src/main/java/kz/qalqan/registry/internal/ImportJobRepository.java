package kz.qalqan.registry.internal;

import kz.qalqan.registry.ImportJob;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Import jobs live outside the import's own transaction (autocommit statements), so progress is visible
 * to every node while the import runs and the outcome survives its rollback.
 */
@Repository
public class ImportJobRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void start(UUID id, String fileName, ImportMode mode, Long bytesTotal, String startedBy) {
        jdbc.sql("""
                insert into registry.import_job (id, kind, mode, file_name, status, bytes_total, started_by)
                values (?, 'members', ?, ?, 'RUNNING', ?, ?)""")
                .params(id, mode.name(), fileName, bytesTotal, startedBy).update();
    }

    public void progress(UUID id, long rows, long bytes) {
        jdbc.sql("update registry.import_job set processed = ?, bytes_read = ?, heartbeat_at = now() where id = ?")
                .params(rows, bytes, id).update();
    }

    public void finish(UUID id, ImportReport report) {
        jdbc.sql("""
                update registry.import_job set status = ?, total = ?, accepted = ?, rejected = ?, report = ?,
                    processed = ?, bytes_read = coalesce(bytes_total, bytes_read), finished_at = now(), heartbeat_at = now()
                where id = ?""")
                .params(report.status().name(), report.total(), report.accepted(), report.rejected(),
                        json.writeValueAsString(report), report.total(), id)
                .update();
    }

    public void fail(UUID id, String reason) {
        jdbc.sql("""
                update registry.import_job set status = 'FAILED', accepted = 0, report = ?, finished_at = now(), heartbeat_at = now()
                where id = ?""")
                .params(json.writeValueAsString(java.util.Map.of("failure", reason)), id).update();
    }

    /** Jobs whose node stopped sending progress were interrupted; their transaction was rolled back. */
    public int failAbandoned(Duration silence) {
        return jdbc.sql("""
                update registry.import_job set status = 'FAILED', finished_at = now(),
                    report = '{"failure":"interrupted (the server stopped); nothing was written"}'
                where status = 'RUNNING' and heartbeat_at < now() - ? * interval '1 second'""")
                .param(silence.toSeconds()).update();
    }

    public Optional<ImportJob> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(mapper()).optional();
    }

    /** The newest jobs, of one user when {@code startedBy} is given. */
    public List<ImportJob> recent(int limit, String startedBy) {
        return jdbc.sql(SELECT + " where ?::text is null or started_by = ? order by started_at desc limit ?")
                .params(startedBy, startedBy, limit).query(mapper()).list();
    }

    private static final String SELECT = """
            select id, file_name, mode, status, processed, bytes_read, bytes_total, report, started_by, started_at, finished_at
            from registry.import_job""";

    private RowMapper<ImportJob> mapper() {
        return (rs, i) -> {
            String reportJson = rs.getString("report");
            ImportReport report = null;
            String failure = null;
            if (reportJson != null) {
                var node = json.readTree(reportJson);
                if (node.has("failure")) {
                    failure = node.get("failure").asString();
                } else {
                    report = json.readValue(reportJson, ImportReport.class);
                }
            }
            Timestamp finished = rs.getTimestamp("finished_at");
            return new ImportJob(rs.getObject("id", UUID.class), rs.getString("file_name"),
                    ImportMode.valueOf(rs.getString("mode")), ImportJob.State.valueOf(rs.getString("status")),
                    rs.getLong("processed"), rs.getLong("bytes_read"), rs.getObject("bytes_total", Long.class), report,
                    failure, rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                    finished == null ? null : finished.toInstant());
        };
    }
}
