package kz.qalqan.identity.internal;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.identity.SignInFailuresRepeated;
import kz.qalqan.identity.SignInLocked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows password and token guessing down, with counters in the database so that every application node sees
 * the same ones.
 *
 * <p><b>Per account, growing delays, never a lock-out.</b> After {@code lockout.free-failures} consecutive
 * failures for a username, its next attempt is not evaluated before a delay that doubles with each failure up
 * to {@code lockout.max-delay}; attempts during the delay are refused unevaluated and not counted, and a
 * success resets the count. An address from which the account signed in successfully is exempt from the
 * delay, so that a stranger's guessing cannot keep the owner out (the per-address throttle still applies to
 * it). At most one guess per {@code max-delay} reaches a username from strange addresses, whatever the
 * number of attackers' addresses.
 *
 * <p><b>Per address</b>: after {@code lockout.max-failures-per-address} failures within
 * {@code lockout.address-window} the address is refused for {@code lockout.duration}, whatever it sends.
 *
 * <p>Usernames are counted whether or not such an account exists, so the answers cannot be used to find out
 * which accounts exist; names that can never be valid usernames are counted only against the address. From
 * {@code lockout.notice-after} failures on, an existing account's owner and the administrators are told
 * (the account page, the users list, the audit trail) until the owner sets a new password.
 *
 * <p>Failures are written in a transaction of their own, so that a refusal rolling back its request's
 * transaction keeps them.
 */
@Component
public class LoginGuard {

    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);
    private static final String USERNAME = "USERNAME";
    private static final String ADDRESS = "ADDRESS";
    private static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    /** Consecutive failures for a username never fall out of a window, only a success resets them. */
    private static final Instant NO_WINDOW = Instant.parse("1970-01-01T00:00:00Z");
    /** How long an address where the owner signed in stays exempt from the account's delays. */
    private static final Duration KNOWN_ADDRESS_LIFETIME = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties.Lockout settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;

    LoginGuard(JdbcClient jdbc, Clock clock, IdentityProperties properties, ApplicationEventPublisher events,
               PlatformTransactionManager transactions, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.lockout();
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The client address of an authentication request, from the details the web filters attach. */
    static String address(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /**
     * Refuses the attempt when its address is throttled, or when the username waits out a delay and the
     * address is not one the account signed in from.
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
                if (row.lockedUntil() != null && row.lockedUntil().isAfter(now) && !knownAddress(username, address, now)) {
                    throw new SignInDelayedException(row.lockedUntil());
                }
            }
        }
        return usernameOnRecord;
    }

    /** Counts a failed attempt against the username (if any) and the address (if known). */
    void failed(String username, String address) {
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            audit.record("SIGN_IN_FAILED", "user", null, null, null, countable(username) ? username : null);
            if (countable(username)) {
                int failures = count(USERNAME, username, NO_WINDOW, now);
                delay(USERNAME, username, failures, now);
                notice(username, address, now, "SIGN_IN_REPEATED_FAILURES");
            }
            countAddress(address, now);
        });
    }

    /** A success: the username's failures are forgotten and the address becomes one it signs in from. */
    void succeeded(String username, String address, boolean failuresOnRecord) {
        if (failuresOnRecord) {
            jdbc.sql("delete from identity.login_throttle where kind = 'USERNAME' and subject = ?").param(username).update();
        }
        if (address != null && !address.isBlank() && address.length() <= 200 && countable(username)) {
            jdbc.sql("""
                            insert into identity.login_known_address (username, address, last_success_at) values (?, ?, ?)
                            on conflict (username, address) do update set last_success_at = excluded.last_success_at""")
                    .params(username, address, Timestamp.from(clock.instant())).update();
        }
    }

    /**
     * Lifts a username's delays and forgets its failures and their notice, after a new password was set (by an
     * administrator or by the owner).
     */
    public void unlock(String username) {
        jdbc.sql("delete from identity.login_throttle where kind in ('USERNAME', 'PASSWORD_CHANGE') and subject = ?")
                .param(username).update();
        jdbc.sql("delete from identity.failed_sign_in_notice where username = ?").param(username).update();
    }

    /** Forgets everything kept under the username, when its account is deleted. */
    public void forget(String username) {
        unlock(username);
        jdbc.sql("delete from identity.login_known_address where username = ?").param(username).update();
    }

    /** Until when a change of the user's own password waits after wrong current passwords; empty when it need not. */
    public Optional<Instant> passwordChangeDelayedUntil(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from identity.login_throttle where kind = 'PASSWORD_CHANGE' and subject = ?")
                .param(username).query((rs, i) -> instant(rs.getTimestamp(1))).optional()
                .filter(until -> until != null && until.isAfter(now));
    }

    /**
     * A wrong current password on the change-password call, counted like a failed sign-in (delays, notice)
     * and audited, in a transaction of its own since the refusal rolls the request back.
     */
    public void passwordChangeFailed(String username, String address) {
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            int failures = count(PASSWORD_CHANGE, username, NO_WINDOW, now);
            audit.record("PASSWORD_CHANGE_FAILED", "user", null, null, null, username + " failures " + failures);
            delay(PASSWORD_CHANGE, username, failures, now);
            notice(username, address, now, "PASSWORD_CHANGE_REPEATED_FAILURES");
            countAddress(address, now);
        });
    }

    private boolean knownAddress(String username, String address, Instant now) {
        if (address == null || address.isBlank()) {
            return false;
        }
        return jdbc.sql("""
                        select count(*) from identity.login_known_address
                        where username = ? and address = ? and last_success_at > ?""")
                .params(username, address, Timestamp.from(now.minus(KNOWN_ADDRESS_LIFETIME)))
                .query(Long.class).single() > 0;
    }

    private int count(String kind, String subject, Instant windowStart, Instant now) {
        return jdbc.sql("""
                        insert into identity.login_throttle as t (kind, subject, failures, window_started_at)
                        values (:kind, :subject, 1, :now)
                        on conflict (kind, subject) do update set
                            failures = case when t.window_started_at <= :windowStart then 1 else t.failures + 1 end,
                            window_started_at = case when t.window_started_at <= :windowStart then :now else t.window_started_at end
                        returning failures""")
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .query(Integer.class).single();
    }

    private void delay(String kind, String subject, int failures, Instant now) {
        Duration delay = settings.delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update identity.login_throttle set locked_until = ? where kind = ? and subject = ?")
                    .params(Timestamp.from(now.plus(delay)), kind, subject).update();
        }
    }

    private void countAddress(String address, Instant now) {
        if (address == null || address.isBlank() || address.length() > 200) {
            return;
        }
        int failures = count(ADDRESS, address, now.minus(settings.addressWindow()), now);
        if (failures >= settings.maxFailuresPerAddress()) {
            Instant until = now.plus(settings.duration());
            jdbc.sql("""
                            update identity.login_throttle set failures = 0, window_started_at = ?, locked_until = ?
                            where kind = 'ADDRESS' and subject = ?""")
                    .params(Timestamp.from(now), Timestamp.from(until), address).update();
            log.warn("Sign-in refused until {} for address {} after {} failures", until, address, failures);
            events.publishEvent(new SignInLocked("ADDRESS", address, until));
        }
    }

    /**
     * Adds the failure to the account's notice (existing accounts only); on reaching {@code notice-after} and
     * each doubling after it, the repeated failures are audited and published.
     */
    private void notice(String username, String address, Instant now, String action) {
        String from = address == null || address.length() > 200 ? null : address;
        Optional<Integer> failures = jdbc.sql("""
                        insert into identity.failed_sign_in_notice as n (username, failures, first_at, last_at, last_address)
                        select u.username, 1, :now, :now, :address from identity.app_user u where u.username = :username
                        on conflict (username) do update set failures = n.failures + 1, last_at = :now,
                                                             last_address = :address
                        returning failures""")
                .param("username", username).param("now", Timestamp.from(now)).param("address", from)
                .query(Integer.class).optional();
        if (failures.isEmpty()) {
            return;
        }
        int n = failures.get();
        int threshold = settings.noticeAfter();
        if (n >= threshold && n % threshold == 0 && Integer.bitCount(n / threshold) == 1) {
            Instant since = jdbc.sql("select first_at from identity.failed_sign_in_notice where username = ?")
                    .param(username).query(Timestamp.class).single().toInstant();
            String userId = jdbc.sql("select id from identity.app_user where username = ?").param(username)
                    .query(Long.class).optional().map(String::valueOf).orElse(null);
            audit.record(action, "user", userId, null, null, username + " failures " + n + " since " + since
                    + (from == null ? "" : " last from " + from));
            log.warn("{} failed attempts for {} since {}", n, username, since);
            events.publishEvent(new SignInFailuresRepeated(username, n, since, now));
        }
    }

    private static boolean countable(String username) {
        return username != null && Usernames.valid(username);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
