package kz.qalqan.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The browser sessions Spring Session keeps in {@code identity.http_session}, indexed by the signed-in username.
 * Ending them is a delete in the caller's transaction: the change that ends them and the end commit together,
 * and the next request of every node finds no session.
 */
@Repository
public class SignedInSessions {

    private final JdbcClient jdbc;

    SignedInSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session signed in as {@code username}; how many there were. */
    public int endAllOf(String username) {
        return jdbc.sql("delete from identity.http_session where principal_name = ?").param(username).update();
    }

    public int countOf(String username) {
        return jdbc.sql("select count(*) from identity.http_session where principal_name = ?").param(username)
                .query(Integer.class).single();
    }
}
