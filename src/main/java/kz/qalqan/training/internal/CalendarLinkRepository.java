package kz.qalqan.training.internal;

import kz.qalqan.training.CalendarLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Calendar subscription links, stored by the hash of their secret. */
@Repository
public class CalendarLinkRepository {

    private final JdbcClient jdbc;

    public CalendarLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link that still works, found by its secret's hash. */
    public record Active(long id, String username, CalendarLink.Kind kind, long targetId, String targetPath) {
    }

    public long insert(String username, CalendarLink.Kind kind, long targetId, String targetPath, String hash, Instant now) {
        return jdbc.sql("""
                        insert into training.calendar_link (username, feed_kind, target_id, target_path, token_hash, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(username, kind.name(), targetId, targetPath, hash, Timestamp.from(now))
                .query(Long.class).single();
    }

    public List<CalendarLink> of(String username) {
        return jdbc.sql("""
                        select id, feed_kind, target_id, created_at, revoked_at from training.calendar_link
                        where username = ? order by revoked_at nulls first, id desc limit 100""")
                .param(username).query((rs, i) -> link(rs)).list();
    }

    public Optional<Active> byHash(String hash) {
        return jdbc.sql("""
                        select id, username, feed_kind, target_id, target_path from training.calendar_link
                        where token_hash = ? and revoked_at is null""")
                .param(hash)
                .query((rs, i) -> new Active(rs.getLong("id"), rs.getString("username"),
                        CalendarLink.Kind.valueOf(rs.getString("feed_kind")), rs.getLong("target_id"),
                        rs.getString("target_path")))
                .optional();
    }

    /** Revokes the user's active link; the org path of what it served, or empty when there was no such link. */
    public Optional<String> revoke(long id, String username, Instant now) {
        return jdbc.sql("""
                        update training.calendar_link set revoked_at = ? where id = ? and username = ? and revoked_at is null
                        returning target_path""")
                .params(Timestamp.from(now), id, username).query(String.class).optional();
    }

    public int revokeAll(String username, Instant now) {
        return jdbc.sql("update training.calendar_link set revoked_at = ? where username = ? and revoked_at is null")
                .params(Timestamp.from(now), username).update();
    }

    private static CalendarLink link(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new CalendarLink(rs.getLong("id"), CalendarLink.Kind.valueOf(rs.getString("feed_kind")),
                rs.getLong("target_id"), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), null);
    }
}
