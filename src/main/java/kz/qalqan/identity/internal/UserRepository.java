package kz.qalqan.identity.internal;

import kz.qalqan.identity.FailedSignIns;
import kz.qalqan.identity.RoleGrant;
import kz.qalqan.identity.UserAccount;
import kz.qalqan.identity.UserStatus;
import kz.qalqan.shared.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts and their grants in {@code identity.app_user} and {@code identity.role_grant}. */
@Repository
public class UserRepository {

    /** What sign-in needs to know about an account. */
    public record Credentials(long id, String username, String passwordHash, UserStatus status, Long memberId) {
    }

    /** Serialises every change that could remove the last active national administrator. */
    private static final long NATIONAL_ADMIN_LOCK = 0x514C_4B41_444DL;

    private static final String ACCOUNT_COLUMNS = """
            select u.id, u.username, u.display_name, u.language, u.status, u.member_id, u.created_at,
                   u.password_changed_at, t.locked_until, n.failures, n.first_at, n.last_at, n.last_address
            from identity.app_user u
            left join identity.login_throttle t
                   on t.kind = 'USERNAME' and t.subject = u.username and t.locked_until > ?
            left join identity.failed_sign_in_notice n on n.username = u.username and n.failures >= ?
            """;

    private final JdbcClient jdbc;
    private final int noticeAfter;

    public UserRepository(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.noticeAfter = properties.lockout().noticeAfter();
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("select id, username, password_hash, status, member_id from identity.app_user where username = ?")
                .param(username)
                .query((rs, i) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        UserStatus.valueOf(rs.getString(4)), rs.getObject(5, Long.class)))
                .optional();
    }

    public Optional<Credentials> credentials(long id) {
        return jdbc.sql("select id, username, password_hash, status, member_id from identity.app_user where id = ?")
                .param(id)
                .query((rs, i) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        UserStatus.valueOf(rs.getString(4)), rs.getObject(5, Long.class)))
                .optional();
    }

    /** The language the account chose for its pages and messages (kk, ru or en). */
    public Optional<String> language(long id) {
        return jdbc.sql("select language from identity.app_user where id = ?").param(id).query(String.class).optional();
    }

    public Optional<UserAccount> account(long id, Instant now) {
        return jdbc.sql(ACCOUNT_COLUMNS + " where u.id = ?").params(Timestamp.from(now), noticeAfter, id)
                .query(accountRow(grantsOf(List.of(id)))).optional();
    }

    public Optional<UserAccount> account(String username, Instant now) {
        return credentials(username).flatMap(c -> account(c.id(), now));
    }

    public List<UserAccount> accounts(Instant now) {
        List<Long> ids = jdbc.sql("select id from identity.app_user").query(Long.class).list();
        return jdbc.sql(ACCOUNT_COLUMNS + " order by u.username").params(Timestamp.from(now), noticeAfter)
                .query(accountRow(grantsOf(ids))).list();
    }

    public List<RoleGrant> grants(long userId) {
        return grantsOf(List.of(userId)).getOrDefault(userId, List.of());
    }

    private Map<Long, List<RoleGrant>> grantsOf(List<Long> userIds) {
        Map<Long, List<RoleGrant>> grants = new HashMap<>();
        if (userIds.isEmpty()) {
            return grants;
        }
        jdbc.sql("select user_id, role, scope, org_path from identity.role_grant where user_id = any(?) order by org_path, role")
                .param(userIds.toArray(Long[]::new))
                .query((rs, i) -> {
                    grants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RoleGrant(Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
                    return null;
                }).list();
        return grants;
    }

    private static RowMapper<UserAccount> accountRow(Map<Long, List<RoleGrant>> grants) {
        return (rs, i) -> new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("language"), UserStatus.valueOf(rs.getString("status")), rs.getObject("member_id", Long.class),
                grants.getOrDefault(rs.getLong("id"), List.of()), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("password_changed_at")), instant(rs.getTimestamp("locked_until")),
                rs.getObject("failures") == null ? null : new FailedSignIns(rs.getInt("failures"),
                        instant(rs.getTimestamp("first_at")), instant(rs.getTimestamp("last_at")), rs.getString("last_address")));
    }

    public long count() {
        return jdbc.sql("select count(*) from identity.app_user").query(Long.class).single();
    }

    /** Inserts the account unless the username is taken; the new id, or empty when it was. */
    public Optional<Long> insert(String username, String passwordHash, String displayName, String language,
                                 Long memberId, Instant now) {
        return jdbc.sql("""
                        insert into identity.app_user (username, password_hash, display_name, language, member_id,
                                                       created_at, password_changed_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (username) do nothing
                        returning id""")
                .params(username, passwordHash, displayName, language, memberId, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).optional();
    }

    public void update(long id, String displayName, String language, UserStatus status, Long memberId) {
        jdbc.sql("update identity.app_user set display_name = ?, language = ?, status = ?, member_id = ? where id = ?")
                .params(displayName, language, status.name(), memberId, id).update();
    }

    public void replaceGrants(long userId, List<RoleGrant> grants) {
        jdbc.sql("delete from identity.role_grant where user_id = ?").param(userId).update();
        for (RoleGrant g : grants) {
            jdbc.sql("insert into identity.role_grant (user_id, role, scope, org_path) values (?, ?, ?, ?)")
                    .params(userId, g.role().name(), g.scope(), g.orgPath()).update();
        }
    }

    public void setPassword(long id, String passwordHash, Instant now) {
        jdbc.sql("update identity.app_user set password_hash = ?, password_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(now), id).update();
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from identity.app_user where id = ?").param(id).update() == 1;
    }

    /** The username of the account linked to the member, other than {@code exceptUserId}. */
    public Optional<String> usernameOfMember(long memberId, Long exceptUserId) {
        return jdbc.sql("select username from identity.app_user where member_id = ? and id <> coalesce(?, -1)")
                .params(memberId, exceptUserId).query(String.class).optional();
    }

    /**
     * Takes the transaction-scoped lock that serialises changes to national administrators, so that two
     * administrators demoting each other at the same moment cannot both succeed.
     */
    public void lockNationalAdministrators() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(NATIONAL_ADMIN_LOCK).query((rs, i) -> 1).list();
    }

    public long activeNationalAdministratorsOtherThan(long userId) {
        return jdbc.sql("""
                        select count(distinct u.id) from identity.app_user u
                        join identity.role_grant g on g.user_id = u.id and g.role = 'ADMIN' and g.org_path = ''
                        where u.status = 'ACTIVE' and u.id <> ?""")
                .param(userId).query(Long.class).single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
