package kz.qalqan.identity;

import kz.qalqan.identity.internal.AccessTokenRepository;
import kz.qalqan.identity.internal.AccessTokenSecrets;
import kz.qalqan.identity.internal.CallerAccessToken;
import kz.qalqan.identity.internal.IdentityProperties;
import kz.qalqan.identity.internal.LoginGuard;
import kz.qalqan.identity.internal.ScopeResolver;
import kz.qalqan.identity.internal.SignedInSessions;
import kz.qalqan.identity.internal.UserRepository;
import kz.qalqan.identity.internal.Usernames;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.Language;
import kz.qalqan.shared.Role;
import kz.qalqan.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Managing accounts: create, change, disable and delete users, grant roles over org scopes, set passwords,
 * and personal access tokens for the users themselves. Every input is checked here (so the web pages and the
 * API answer alike): problems come back as one {@link InvalidInputException} listing each wrong field.
 *
 * <p>The last active national administrator cannot be deleted, disabled or lose that grant: the force
 * would be left without anyone able to manage accounts.
 *
 * <p>An account that is deleted, disabled, loses a grant or its linked member, or has its password set by an
 * administrator loses its access at once, in the same transaction: every browser session ends and every
 * personal access token is revoked. A token may mint tokens that do not outlive it; revoking a token revokes
 * the tokens it minted.
 */
@Service
@Transactional
public class UserAdministration {

    /** The most grants one account may be given in one request (issue 10 item 5: every list in a body is capped). */
    public static final int MAX_GRANTS = 50;

    private static final int MAX_DISPLAY_NAME = 200;
    private static final int MAX_TOKEN_NAME = 100;
    /** The last active national administrator may not be deleted, disabled or lose that grant. */
    static final String LAST_ADMIN = "identity.admin.last";
    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final UserRepository users;
    private final AccessTokenRepository tokens;
    private final ScopeResolver scopes;
    private final MemberDirectory members;
    private final LoginGuard guard;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwordPolicy;
    private final IdentityProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final SignedInSessions sessions;
    private final CallerAccessToken callerToken;

    UserAdministration(UserRepository users, AccessTokenRepository tokens, ScopeResolver scopes, MemberDirectory members,
                       LoginGuard guard, PasswordEncoder encoder, IdentityProperties properties, Clock clock,
                       ApplicationEventPublisher events, AuditTrail audit, SignedInSessions sessions,
                       CallerAccessToken callerToken) {
        this.audit = audit;
        this.sessions = sessions;
        this.callerToken = callerToken;
        this.users = users;
        this.tokens = tokens;
        this.scopes = scopes;
        this.members = members;
        this.guard = guard;
        this.encoder = encoder;
        this.passwordPolicy = PasswordPolicy.standard();
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return users.accounts(clock.instant());
    }

    @Transactional(readOnly = true)
    public UserAccount user(long id) {
        return users.account(id, clock.instant()).orElseThrow(() -> UserNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> byUsername(String username) {
        return users.account(Usernames.normalize(username), clock.instant());
    }

    public UserAccount create(NewUser command, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = Usernames.normalize(command.username());
        if (command.username() == null || command.username().isBlank()) {
            problems.add(FieldProblem.of("username", "identity.username.required"));
        } else if (!Usernames.valid(username)) {
            problems.add(FieldProblem.of("username", "identity.username.invalid"));
        }
        passwordPolicy.check(username, command.password(), personalWords(command.displayName()))
                .forEach(r -> problems.add(FieldProblem.of("password", r.messageKey())));
        String displayName = displayName(command.displayName(), problems);
        String language = language(command.language(), problems);
        checkMember(command.memberId(), null, problems);
        List<RoleGrant> grants = grants(command.grants(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = users.insert(username, encoder.encode(command.password()), displayName, language, command.memberId(),
                        clock.instant())
                .orElseThrow(() -> ConflictException.coded("username", "identity.username.taken", username));
        users.replaceGrants(id, grants);
        events.publishEvent(new UserCreated(id, username, actor));
        audit.record("USER_CREATE", "user", Long.toString(id), null, null, username + " " + describe(command.grants()));
        return user(id);
    }

    public UserAccount update(long id, UserChanges changes, String actor) {
        UserAccount current = user(id);
        List<FieldProblem> problems = new ArrayList<>();
        String displayName = displayName(changes.displayName(), problems);
        String language = language(changes.language(), problems);
        UserStatus status = status(changes.status(), problems);
        checkMember(changes.memberId(), id, problems);
        List<RoleGrant> grants = grants(changes.grants(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (current.activeNationalAdmin()) {
            boolean staysAdmin = grants.stream().anyMatch(RoleGrant::nationalAdmin);
            if (status != UserStatus.ACTIVE) {
                requireAnotherNationalAdmin(current, "status");
            } else if (!staysAdmin) {
                requireAnotherNationalAdmin(current, "grants");
            }
        }
        users.update(id, displayName, language, status, changes.memberId());
        users.replaceGrants(id, grants);
        events.publishEvent(new UserChanged(id, current.username(), "details", actor));
        audit.record("USER_UPDATE", "user", Long.toString(id), null, null, current.username() + " " + describe(changes.grants()));
        String lost = accessLost(current, status, changes.memberId(), grants);
        if (lost != null) {
            endAccess(current, lost);
        }
        return user(id);
    }

    public void delete(long id, String actor) {
        UserAccount current = user(id);
        if (current.activeNationalAdmin()) {
            requireAnotherNationalAdmin(current, null);
        }
        endAccess(current, "deleted");
        users.delete(id);
        guard.forget(current.username());
        events.publishEvent(new UserDeleted(id, current.username(), actor));
        audit.record("USER_DELETE", "user", Long.toString(id), null, null, current.username());
    }

    /**
     * An administrator sets a new password, which also lifts the sign-in delays of the username and ends the
     * account's sessions and tokens (whoever knew the old password is out).
     */
    public void resetPassword(long id, String newPassword, String actor) {
        UserAccount current = user(id);
        checkPassword("password", current.username(), current.displayName(), newPassword);
        users.setPassword(id, encoder.encode(newPassword), clock.instant());
        guard.unlock(current.username());
        endAccess(current, "password reset");
        events.publishEvent(new UserChanged(id, current.username(), "password reset", actor));
        audit.record("USER_PASSWORD_RESET", "user", Long.toString(id), null, null, current.username());
    }

    /** Users change their own password, proving they know the current one. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        changeOwnPassword(username, currentPassword, newPassword, null);
    }

    /**
     * Users change their own password, proving they know the current one. Wrong current passwords are counted
     * and audited like failed sign-ins (growing delays, a notice to the owner and the administrators), so a
     * borrowed session cannot be used to guess the password.
     *
     * @param address the client address, counted against the address throttle when known
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String address) {
        var credentials = users.credentials(Usernames.normalize(username))
                .orElseThrow(() -> UserNotFoundException.forUsername(username));
        Optional<Instant> delayed = guard.passwordChangeDelayedUntil(credentials.username());
        if (delayed.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), delayed.get()).toSeconds() + 1);
            throw InvalidInputException.coded("currentPassword", "password.current.delayed", seconds);
        }
        if (currentPassword == null || !encoder.matches(currentPassword, credentials.passwordHash())) {
            guard.passwordChangeFailed(credentials.username(), address);
            throw InvalidInputException.coded("currentPassword", "password.current.wrong");
        }
        String displayName = users.account(credentials.id(), clock.instant()).map(UserAccount::displayName).orElse(null);
        checkPassword("newPassword", credentials.username(), displayName, newPassword);
        if (encoder.matches(newPassword, credentials.passwordHash())) {
            throw InvalidInputException.coded("newPassword", "password.rejected.same-as-current");
        }
        users.setPassword(credentials.id(), encoder.encode(newPassword), clock.instant());
        guard.unlock(credentials.username());
        events.publishEvent(new UserChanged(credentials.id(), credentials.username(), "password changed", credentials.username()));
        audit.record("USER_PASSWORD_CHANGE", "user", Long.toString(credentials.id()), null, null, credentials.username());
    }

    @Transactional(readOnly = true)
    public List<AccessToken> tokens(String username) {
        return tokens.ofUser(ownerId(username));
    }

    /** Issues a token to the user; the returned secret is never shown again. */
    public IssuedAccessToken issueToken(String username, NewAccessToken command) {
        long owner = ownerId(username);
        List<FieldProblem> problems = new ArrayList<>();
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "identity.token.nameRequired"));
        } else if (name.length() > MAX_TOKEN_NAME) {
            problems.add(FieldProblem.of("name", "identity.token.nameTooLong", MAX_TOKEN_NAME));
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokens().defaultLifetime());
        long maxDays = properties.tokens().maxLifetime().toDays();
        if (command.expiresInDays() != null) {
            if (command.expiresInDays() < 1 || command.expiresInDays() > maxDays) {
                problems.add(FieldProblem.of("expiresInDays", "identity.token.lifetime", maxDays));
            } else {
                expiresAt = now.plus(Duration.ofDays(command.expiresInDays()));
            }
        }
        // a token minting a token: the child may not outlive its parent
        Long parent = callerToken.id().orElse(null);
        if (parent != null) {
            Instant parentExpiry = tokens.expiry(parent).orElse(now);
            if (command.expiresInDays() == null) {
                expiresAt = expiresAt.isAfter(parentExpiry) ? parentExpiry : expiresAt;
            } else if (expiresAt.isAfter(parentExpiry)) {
                problems.add(FieldProblem.of("expiresInDays", "token.error.outlives-parent",
                        SHOWN_TIME.format(parentExpiry.atZone(KAZAKHSTAN))));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String secret = AccessTokenSecrets.generate();
        AccessToken token = tokens.insert(owner, name, AccessTokenSecrets.hash(secret), AccessTokenSecrets.displayPrefix(secret),
                now, expiresAt, parent);
        audit.record("TOKEN_ISSUE", "access_token", Long.toString(token.id()), null, null, username + " " + name
                + (parent == null ? "" : " minted by token " + parent));
        return new IssuedAccessToken(token, secret);
    }

    /** Revokes the token and every token minted from it. */
    public void revokeToken(String username, long tokenId) {
        long owner = ownerId(username);
        int revoked = tokens.revokeWithDescendants(owner, tokenId, clock.instant());
        if (revoked == 0 && !tokens.exists(owner, tokenId)) {
            throw new NotFoundException("You have no access token with id " + tokenId);
        }
        audit.record("TOKEN_REVOKE", "access_token", Long.toString(tokenId), null, null, username
                + (revoked > 1 ? " with " + (revoked - 1) + " minted from it" : ""));
    }

    /**
     * Why the change takes access away (the account disabled, a grant or the linked member lost), or
     * {@code null} when it only adds or renames. Sessions hold the grants of their sign-in, so only a fresh
     * sign-in may carry the reduced ones.
     */
    private static String accessLost(UserAccount current, UserStatus status, Long memberId, List<RoleGrant> grants) {
        if (current.status() == UserStatus.ACTIVE && status != UserStatus.ACTIVE) {
            return "disabled";
        }
        Set<String> kept = grants.stream().map(g -> g.role() + "@" + g.orgPath()).collect(Collectors.toSet());
        if (current.grants().stream().anyMatch(g -> !kept.contains(g.role() + "@" + g.orgPath()))) {
            return "grant lost";
        }
        if (current.memberId() != null && !Objects.equals(current.memberId(), memberId)) {
            return "member link changed";
        }
        return null;
    }

    /** Ends every session and revokes every token of the account, in this transaction, and audits it. */
    private void endAccess(UserAccount account, String why) {
        int ended = sessions.endAllOf(account.username());
        int revoked = tokens.revokeAllOf(account.id(), clock.instant());
        audit.record("USER_ACCESS_ENDED", "user", Long.toString(account.id()), null, why,
                account.username() + " sessions " + ended + " tokens " + revoked);
    }

    private long ownerId(String username) {
        return users.credentials(Usernames.normalize(username))
                .orElseThrow(() -> UserNotFoundException.forUsername(username)).id();
    }

    private void requireAnotherNationalAdmin(UserAccount user, String field) {
        users.lockNationalAdministrators();
        if (users.activeNationalAdministratorsOtherThan(user.id()) == 0) {
            throw ConflictException.coded(field, LAST_ADMIN, user.username());
        }
    }

    private void checkPassword(String field, String username, String displayName, String password) {
        List<PasswordRejection> rejections = passwordPolicy.check(username, password, personalWords(displayName));
        if (!rejections.isEmpty()) {
            throw new InvalidInputException(rejections.stream().map(r -> FieldProblem.of(field, r.messageKey())).toList());
        }
    }

    private static List<String> personalWords(String displayName) {
        return displayName == null ? List.of() : List.of(displayName);
    }

    private static String displayName(String given, List<FieldProblem> problems) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("displayName", "identity.displayName.required"));
        } else if (name.length() > MAX_DISPLAY_NAME) {
            problems.add(FieldProblem.of("displayName", "identity.displayName.tooLong", MAX_DISPLAY_NAME));
        }
        return name;
    }

    private static String language(String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            return Language.DEFAULT.code();
        }
        Optional<Language> language = Language.fromCode(given);
        if (language.isEmpty()) {
            problems.add(FieldProblem.of("language", "identity.language.unknown"));
            return null;
        }
        return language.get().code();
    }

    private static UserStatus status(String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            problems.add(FieldProblem.of("status", "identity.status.required"));
            return null;
        }
        try {
            return UserStatus.valueOf(given.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("status", "identity.status.unknown"));
            return null;
        }
    }

    private void checkMember(Long memberId, Long userId, List<FieldProblem> problems) {
        if (memberId == null) {
            return;
        }
        try {
            members.find(memberId);
        } catch (NotFoundException e) {
            problems.add(FieldProblem.of("memberId", "identity.member.unknown", memberId));
            return;
        }
        users.usernameOfMember(memberId, userId).ifPresent(other ->
                problems.add(FieldProblem.of("memberId", "identity.member.linked", other)));
    }

    private List<RoleGrant> grants(List<GrantRequest> requested, List<FieldProblem> problems) {
        if (requested == null || requested.isEmpty()) {
            problems.add(FieldProblem.of("grants", "identity.grants.required"));
            return List.of();
        }
        if (requested.size() > MAX_GRANTS) {
            problems.add(FieldProblem.of("grants", kz.qalqan.platform.ListLimit.CODE, MAX_GRANTS, requested.size()));
            return List.of();
        }
        Map<String, RoleGrant> grants = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            GrantRequest g = requested.get(i);
            String at = "grants[" + i + "]";
            if (g == null) {
                problems.add(FieldProblem.of(at, "identity.grant.required"));
                continue;
            }
            Role role = null;
            try {
                role = g.role() == null ? null : Role.valueOf(g.role().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (role == null) {
                problems.add(FieldProblem.of(at + ".role", "identity.grant.roleUnknown"));
            }
            Optional<ScopeResolver.ResolvedScope> scope = scopes.resolve(g.scope());
            if (scope.isEmpty()) {
                problems.add(g.scope() == null || g.scope().isBlank()
                        ? FieldProblem.of(at + ".scope", "identity.grant.scopeRequired")
                        : FieldProblem.of(at + ".scope", "identity.grant.scopeUnknown", g.scope().strip()));
            }
            if (role != null && scope.isPresent()) {
                grants.putIfAbsent(role + "@" + scope.get().orgPath(),
                        new RoleGrant(role, scope.get().scope(), scope.get().orgPath()));
            }
        }
        return List.copyOf(grants.values());
    }

    private static String describe(List<GrantRequest> grants) {
        return grants == null ? "" : grants.stream().map(g -> g.role() + "@" + g.scope()).toList().toString();
    }
}
