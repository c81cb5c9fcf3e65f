package kz.qalqan.identity.internal;

import kz.qalqan.identity.SignInLocked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import kz.qalqan.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Throttles password and token guessing, with counters in the database so that every application node
 * sees the same ones. A username is locked for {@code lockout.duration} after {@code lockout.max-failures}
 * consecutive failures (a success resets the count); a client address is refused for the same duration
 * after {@code lockout.max-failures-per-address} failures within {@code lockout.address-window}. While
 * locked, attempts are refused before the password is even checked, so a correct password does not help.
 *
 * <p>Usernames are counted whether or not such an account exists, so the lockout answer cannot be used to
 * find out which accounts exist. Names that can never be valid usernames are counted only against the
 * address.
 */
@Component
public class LoginGuard {

    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);
    private static final String USERNAME = "USERNAME";
    private static final String ADDRESS = "ADDRESS";
    /** Consecutive failures for a username never fall out of a window, only a success or a lockout resets them. */
    private static final Instant NO_WINDOW = Instant.parse("1970-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties.Lockout settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    private final AuditTrail audit;

    LoginGuard(JdbcClient jdbc, Clock clock, IdentityProperties properties, ApplicationEventPublisher events,
               PlatformTransactionManager transactions, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.lockout();
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The client address of an authentication request, from the details the web filters attach. */
    static String address(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /**
     * Refuses the attempt when its address or username is locked.
     *
     * @param username the normalized username, or {@code null} for token sign-ins
     * @return whether the username has failures on record (so that a success has a counter to reset)
     */
    boolean check(String username, String address) {
        Instant now = clock.instant();
        record Row(String kind, Instant lockedUntil) {
        }
        List<Row> rows = jdbc.sql("""
                        select kind, locked_until from identity.login_throttle
                        where (kind = 'ADDRESS' and subject = ?) or (kind = 'USERNAME' and subject = ?)""")
                .params(address == null ? "" : address, countable(username) ? username : "")
                .query((rs, i) -> new Row(rs.getString(1), instant(rs.getTimestamp(2)))).list();
        for (Row row : rows) {
            if (row.kind().equals(ADDRESS) && row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                throw new SignInThrottledException(row.lockedUntil());
            }
        }
        boolean usernameOnRecord = false;
        for (Row row : rows) {
            if (row.kind().equals(USERNAME)) {
                usernameOnRecord = true;
                if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                    throw new SignInLockedException(row.lockedUntil());
                }
            }
        }
        return usernameOnRecord;
    }

    /** Counts a failed attempt against the username (if any) and the address (if known). */
    void failed(String username, String address) {
        Instant now = clock.instant();
        // one transaction, so that listeners of SignInLocked hear about it through the publication registry
        transaction.executeWithoutResult(status -> {
            audit.record("SIGN_IN_FAILED", "user", null, null, null, countable(username) ? username : null);
            if (countable(username)) {
                count(USERNAME, username, settings.maxFailures(), NO_WINDOW, now);
            }
            if (address != null && !address.isBlank() && address.length() <= 200) {
                count(ADDRESS, address, settings.maxFailuresPerAddress(), now.minus(settings.addressWindow()), now);
            }
        });
    }

    void succeeded(String username) {
        jdbc.sql("delete from identity.login_throttle where kind = 'USERNAME' and subject = ?").param(username).update();
    }

    /** Lifts a username's lockout and forgets its failures, e.g. after an administrator set a new password. */
    public void unlock(String username) {
        succeeded(username);
    }

    private void count(String kind, String subject, int max, Instant windowStart, Instant now) {
        int failures = jdbc.sql("""
                        insert into identity.login_throttle as t (kind, subject, failures, window_started_at)
                        values (:kind, :subject, 1, :now)
                        on conflict (kind, subject) do update set
                            failures = case when t.window_started_at <= :windowStart then 1 else t.failures + 1 end,
                            window_started_at = case when t.window_started_at <= :windowStart then :now else t.window_started_at end
                        returning failures""")
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .query(Integer.class).single();
        if (failures >= max) {
            Instant until = now.plus(settings.duration());
            jdbc.sql("""
                            update identity.login_throttle set failures = 0, window_started_at = ?, locked_until = ?
                            where kind = ? and subject = ?""")
                    .params(Timestamp.from(now), Timestamp.from(until), kind, subject).update();
            log.warn("Sign-in locked until {} for {} {} after {} failures", until, kind.toLowerCase(), subject, failures);
            events.publishEvent(new SignInLocked(kind, subject, until));
        }
    }

    private static boolean countable(String username) {
        return username != null && Usernames.valid(username);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
