package kz.qalqan.training;

import kz.qalqan.identity.UserChanged;
import kz.qalqan.identity.UserDeleted;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.shared.Scope;
import kz.qalqan.training.internal.CalendarLinkRepository;
import kz.qalqan.training.internal.EventRepository;
import kz.qalqan.training.internal.IcsWriter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * iCalendar (RFC 5545) feeds of training events: per unit (with its sub-units) for people whose scope
 * covers the unit, per member for the member themselves and the staff who may see them. Calendar apps
 * that cannot sign in use a secret subscription link; only its SHA-256 is stored. A link stops working when
 * revoked, or when its owner's account is changed or deleted (its grants may have changed), and always
 * serves only what its owner could see when making it. Feeds cover 90 days back and 365 ahead.
 */
@Service
@Transactional
public class CalendarFeeds {

    static final Duration PAST = Duration.ofDays(90);
    static final Duration AHEAD = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventRepository events;
    private final CalendarLinkRepository links;
    private final OrgStructure org;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarFeeds(EventRepository events, CalendarLinkRepository links, OrgStructure org, MemberDirectory members,
                  CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.events = events;
        this.links = links;
        this.org = org;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** The unit's feed with its sub-units; the unit must be visible to the caller. */
    public String unitFeed(long unitId, String host) {
        Unit unit = org.unit(unitId);
        return unitIcs(unit.code(), unit.orgPath(), caller.get().scopeFor(TrainingEvents.READERS), host);
    }

    /** The events the member is enrolled in; for the member themselves and staff who may see them (audited). */
    public String memberFeed(long memberId, String host) {
        Member member = members.find(memberId);
        return memberIcs(member.id(), member.lastName(), host);
    }

    /** The feed a subscription link points to, empty for an unknown or revoked secret. */
    public Optional<String> feedFor(String secret, String host) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        return links.byHash(hash(secret)).map(link -> link.kind() == CalendarLink.Kind.UNIT
                ? unitIcs("unit " + link.targetId(), link.targetPath(), Scope.everything(), host)
                : memberIcs(link.targetId(), "member " + link.targetId(), host));
    }

    /** A new link for the signed-in user to a feed they may read now; the secret is in the answer only. */
    public CalendarLink createLink(CalendarLink.Kind kind, long targetId) {
        String path = kind == CalendarLink.Kind.UNIT ? org.unit(targetId).orgPath() : members.find(targetId).orgPath();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        String username = caller.get().username();
        long id = links.insert(username, kind, targetId, path, hash(secret), now);
        audit.record("CALENDAR_LINK_CREATE", kind == CalendarLink.Kind.UNIT ? "unit" : "member",
                Long.toString(targetId), path, null, "link " + id);
        return new CalendarLink(id, kind, targetId, now, null, secret);
    }

    /** The signed-in user's links, without their secrets. */
    public List<CalendarLink> myLinks() {
        return links.of(caller.get().username());
    }

    public void revoke(long id) {
        String path = links.revoke(id, caller.get().username(), clock.instant())
                .orElseThrow(() -> new NotFoundException("You have no active calendar link " + id));
        audit.record("CALENDAR_LINK_REVOKE", "calendar_link", Long.toString(id), path, null, null);
    }

    @ApplicationModuleListener
    void on(UserChanged changed) {
        if ("details".equals(changed.what())) {
            links.revokeAll(changed.username(), clock.instant());
        }
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        links.revokeAll(deleted.username(), clock.instant());
    }

    private String unitIcs(String name, String orgPath, Scope scope, String host) {
        Instant now = clock.instant();
        List<TrainingEvent> list = events.search(orgPath, false, null, now.minus(PAST), now.plus(AHEAD), null, scope,
                TrainingEvents.MAX_LIST);
        return IcsWriter.write("Qalqan " + name, list, host);
    }

    private String memberIcs(long memberId, String name, String host) {
        Instant now = clock.instant();
        return IcsWriter.write("Qalqan " + name, events.ofMember(memberId, now.minus(PAST), now.plus(AHEAD)), host);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
