package kz.qalqan.identity.internal;

import kz.qalqan.identity.AccessToken;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal access tokens in {@code identity.access_token}, found by the SHA-256 of their secret. */
@Repository
public class AccessTokenRepository {

    /** A usable token and whose it is. */
    public record Usable(long tokenId, String username, Instant lastUsedAt) {
    }

    private static final RowMapper<AccessToken> TOKEN = (rs, i) -> new AccessToken(rs.getLong("id"), rs.getString("name"),
            rs.getString("prefix"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    private final JdbcClient jdbc;

    public AccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AccessToken insert(long userId, String name, String tokenHash, String prefix, Instant createdAt, Instant expiresAt,
                              Long mintedBy) {
        return jdbc.sql("""
                        insert into identity.access_token (user_id, name, token_hash, prefix, created_at, expires_at, minted_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        returning id, name, prefix, created_at, expires_at, last_used_at, revoked_at""")
                .params(userId, name, tokenHash, prefix, Timestamp.from(createdAt), Timestamp.from(expiresAt), mintedBy)
                .query(TOKEN).single();
    }

    /** When the token expires (whether or not it is still usable). */
    public Optional<Instant> expiry(long tokenId) {
        return jdbc.sql("select expires_at from identity.access_token where id = ?").param(tokenId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /**
     * Revokes the user's token and every token minted from it, down the whole line; how many were revoked
     * (0 when the user has no such token or all of them were already revoked).
     */
    public int revokeWithDescendants(long userId, long tokenId, Instant now) {
        return jdbc.sql("""
                        with recursive line as (
                            select id from identity.access_token where id = ? and user_id = ?
                            union
                            select t.id from identity.access_token t join line on t.minted_by = line.id
                        )
                        update identity.access_token set revoked_at = ?
                        where id in (select id from line) and revoked_at is null""")
                .params(tokenId, userId, Timestamp.from(now)).update();
    }

    /** Revokes every token of the user still usable; how many. */
    public int revokeAllOf(long userId, Instant now) {
        return jdbc.sql("update identity.access_token set revoked_at = ? where user_id = ? and revoked_at is null and expires_at > ?")
                .params(Timestamp.from(now), userId, Timestamp.from(now)).update();
    }

    public List<AccessToken> ofUser(long userId) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, last_used_at, revoked_at
                        from identity.access_token where user_id = ? order by created_at desc, id desc""")
                .param(userId).query(TOKEN).list();
    }

    public boolean exists(long userId, long tokenId) {
        return jdbc.sql("select count(*) from identity.access_token where id = ? and user_id = ?")
                .params(tokenId, userId).query(Long.class).single() > 0;
    }

    /** The token with this hash if it is neither expired nor revoked and its owner is active. */
    public Optional<Usable> usable(String tokenHash, Instant now) {
        return jdbc.sql("""
                        select t.id, u.username, t.last_used_at
                        from identity.access_token t join identity.app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.status = 'ACTIVE'""")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, i) -> new Usable(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .optional();
    }

    public void touch(long tokenId, Instant now) {
        jdbc.sql("update identity.access_token set last_used_at = ? where id = ?").params(Timestamp.from(now), tokenId).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
