package kz.qalqan.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
class UserRepository {

    record StoredUser(long id, String username, String passwordHash, String displayName, String language, boolean enabled) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> byUsername(String username) {
        return jdbc.sql("select id, username, password_hash, display_name, language, enabled from identity.app_user where username = ?")
                .param(username)
                .query((rs, i) -> new StoredUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from identity.app_user").query(Long.class).single();
    }

    boolean insertIfAbsent(String username, String passwordHash, String displayName, String language) {
        return jdbc.sql("""
                insert into identity.app_user (username, password_hash, display_name, language) values (?, ?, ?, ?)
                on conflict (username) do nothing""")
                .params(username, passwordHash, displayName, language).update() == 1;
    }
}
