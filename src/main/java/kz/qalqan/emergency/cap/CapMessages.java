package kz.qalqan.emergency.cap;

import kz.qalqan.emergency.CapAlert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/** The CAP messages received ({@code emergency.cap_message}) and the emergencies they name. */
@Repository
class CapMessages {

    record Stored(long id, String sender, String identifier, String msgType, String outcome, Long emergencyId) {
    }

    private final JdbcClient jdbc;

    CapMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String sender, String identifier) {
        return jdbc.sql("""
                        select id, sender, identifier, msg_type, outcome, emergency_id from emergency.cap_message
                        where sender = ? and identifier = ?""")
                .params(sender, identifier)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("sender"), rs.getString("identifier"),
                        rs.getString("msg_type"), rs.getString("outcome"), (Long) rs.getObject("emergency_id")))
                .optional();
    }

    /**
     * The emergency a message (sender, identifier) belongs to: one it declared or changed, or one declared from it
     * by other means (the emergency's own CAP identity).
     */
    Optional<Long> emergencyOf(String sender, String identifier) {
        return jdbc.sql("""
                        select emergency_id from emergency.cap_message
                        where sender = :sender and identifier = :identifier and emergency_id is not null
                        union all
                        select id from emergency.emergency where cap_sender = :sender and cap_identifier = :identifier
                        limit 1""")
                .param("sender", sender).param("identifier", identifier).query(Long.class).optional();
    }

    /** Stores the message; empty when a message with the same sender and identifier got there first. */
    Optional<Long> insert(CapAlert alert, Long emergencyId, String outcome, String raw, int rawBytes, Instant at,
                          String actor) {
        String refs = alert.references().isEmpty() ? null : alert.references().stream()
                .map(r -> r.sender() + "," + r.identifier() + "," + r.sent()).collect(Collectors.joining(" "));
        return jdbc.sql("""
                        insert into emergency.cap_message (sender, identifier, sent, status, msg_type, refs, emergency_id,
                                                           outcome, raw_xml, raw_bytes, received_at, received_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (sender, identifier) do nothing
                        returning id""")
                .params(alert.sender(), alert.identifier(), Timestamp.from(alert.sent().toInstant()), alert.status().name(),
                        alert.msgType().name(), refs, emergencyId, outcome, raw.replace("\u0000", ""), rawBytes,
                        Timestamp.from(at), actor)
                .query(Long.class).optional();
    }
}
