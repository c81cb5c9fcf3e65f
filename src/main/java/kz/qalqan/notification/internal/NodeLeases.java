package kz.qalqan.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Who this process is among the dispatching nodes, so that a restarted node takes back at once what it held when it
 * died instead of waiting for its leases to run out. The identity is {@code qalqan.node-id}, else one made once and
 * kept in {@code <data-dir>/node-id}. A process holds it by a session advisory lock on a connection of its own,
 * which PostgreSQL releases when the process dies however it dies; so the process that gets the lock knows that no
 * live process holds those leases and returns them to the queue. A process that finds the identity taken (a
 * command-line dispatch while the server runs on the same data directory) works under an identity of its own
 * and releases nothing.
 */
@Component
class NodeLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeLeases.class);

    private final DataSource dataSource;
    private final Environment environment;
    private String node;
    private Connection held;
    private int released;

    NodeLeases(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    /** This process's node name (lease owners are {@code <node>/<worker>}); on first use, takes back its old leases. */
    synchronized String node() {
        if (node == null) {
            String wanted = configuredOrKept();
            if (hold(wanted)) {
                node = wanted;
                released = releaseLeasesOf(wanted);
                if (released > 0) {
                    log.warn("Node {} restarted: {} messages it held when it stopped are due again now", wanted, released);
                }
            } else {
                node = wanted + "+" + UUID.randomUUID().toString().substring(0, 8);
                log.info("Node identity {} is held by another live process; dispatching as {}", wanted, node);
            }
        }
        return node;
    }

    /** How many leases the start took back (for the log and tests). */
    synchronized int released() {
        return released;
    }

    private String configuredOrKept() {
        String configured = environment.getProperty("qalqan.node-id");
        if (configured != null && !configured.isBlank()) {
            if (configured.contains("/")) {
                throw new IllegalStateException("qalqan.node-id must not contain '/': " + configured);
            }
            return configured.trim();
        }
        Path file = Path.of(environment.getProperty("qalqan.data-dir", "qalqan-data")).resolve("node-id");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            Files.createDirectories(file.getParent());
            String made = "node-" + UUID.randomUUID().toString().substring(0, 12);
            Files.writeString(file, made, StandardCharsets.US_ASCII);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the node identity in " + file, e);
        }
    }

    private boolean hold(String identity) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement st = c.prepareStatement(
                    "select pg_try_advisory_lock(hashtext('qalqan.notification.node'), hashtext(?))")) {
                st.setString(1, identity);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        held = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the node identity " + identity + ": " + e.getMessage(), e);
        }
    }

    private int releaseLeasesOf(String identity) {
        try (PreparedStatement st = held.prepareStatement("""
                update notification.message
                set status = 'PENDING', lease_owner = null, lease_until = null, next_attempt_at = now(),
                    attempts = greatest(attempts - 1, 0)
                where status = 'SENDING' and split_part(lease_owner, '/', 1) = ?""")) {
            st.setString(1, identity);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the leases of node " + identity + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (held != null) {
            try (var st = held.createStatement()) {
                st.execute("select pg_advisory_unlock_all()");
            } catch (SQLException e) {
                log.debug("unlocking the node identity: {}", e.toString());
            }
            try {
                held.close();
            } catch (SQLException e) {
                log.debug("closing the node connection: {}", e.toString());
            }
            held = null;
        }
    }
}
