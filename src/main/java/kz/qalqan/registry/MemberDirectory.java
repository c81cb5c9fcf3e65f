package kz.qalqan.registry;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.registry.internal.CheckedMember;
import kz.qalqan.registry.internal.DatabaseOrgLookup;
import kz.qalqan.registry.internal.MemberRepository;
import kz.qalqan.registry.internal.MemberRules;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.internal.OrgRepository;
import kz.qalqan.registry.internal.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adds, changes, finds and searches the members of the force. */
@Service
@Transactional
public class MemberDirectory {

    private final MemberRepository members;
    private final OrgRepository org;
    private final DatabaseOrgLookup lookup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CurrentCaller caller;
    private final AuditTrail audit;

    MemberDirectory(MemberRepository members, OrgRepository org, DatabaseOrgLookup lookup,
                    ApplicationEventPublisher events, Clock clock, CurrentCaller caller, AuditTrail audit) {
        this.audit = audit;
        this.members = members;
        this.org = org;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
        this.caller = caller;
    }

    /** Where a search or export over the caller's area belongs in the audit: the unit asked for, else that area. */
    private static String area(String unitPath, Visibility visibility) {
        return unitPath != null ? unitPath : visibility.scope().commonPath();
    }

    private Visibility reading() {
        return Visibility.toRead(caller.get());
    }

    private Visibility writing() {
        return Visibility.toWrite(caller.get());
    }

    @Transactional
    public Member register(MemberCommand command, String actor) {
        CheckedMember checked = check(command, writing());
        if (members.iinTaken(checked.iin().value(), null)) {
            throw duplicate();
        }
        long id = members.insert(checked, actor, clock.instant());
        if (id < 0) {
            throw duplicate(); // a concurrent insert won the race
        }
        events.publishEvent(new MemberRegistered(id, checked.unitId(), checked.orgPath()));
        audit.record("MEMBER_CREATE", "member", Long.toString(id), checked.orgPath(), null, null);
        return load(id);
    }

    @Transactional
    public Member update(long id, MemberCommand command, String actor) {
        Member current = writable(id);
        CheckedMember checked = check(command, writing());
        if (members.iinTaken(checked.iin().value(), id)) {
            throw duplicate();
        }
        boolean reassigned = !Objects.equals(current.unitId(), checked.unitId())
                || !Objects.equals(current.positionId(), checked.positionId());
        if (reassigned) {
            members.reassign(id, checked.unitId(), actor, clock.instant());
        }
        if (!members.update(id, current.version(), checked)) {
            throw ConflictException.coded(null, "registry.member.changedMeanwhile");
        }
        if (reassigned) {
            events.publishEvent(new MemberAssigned(id, current.unitId(), checked.unitId(), checked.positionId()));
        }
        if (current.status() != checked.status()) {
            events.publishEvent(new MemberStatusChanged(id, current.status(), checked.status()));
        }
        events.publishEvent(new MemberChanged(id));
        audit.record("MEMBER_UPDATE", "member", Long.toString(id), checked.orgPath(), null,
                (reassigned ? "unit " + current.unitId() + " -> " + checked.unitId() + "; " : "")
                        + (current.status() != checked.status() ? "status " + current.status() + " -> " + checked.status() : ""));
        return load(id);
    }

    @Transactional
    public void delete(long id) {
        Member member = writable(id);
        members.delete(id);
        events.publishEvent(new MemberChanged(id));
        audit.record("MEMBER_DELETE", "member", Long.toString(id), member.orgPath(), null, null);
    }

    /**
     * Self-service: the signed-in member changes their own phone, e-mail and language; everything else
     * stays as the staff recorded it.
     */
    @Transactional
    public Member updateOwnContacts(String phone, String email, String language, String actor) {
        Member me = self();
        MemberCommand command = new MemberCommand(me.iin(), me.lastName(), me.firstName(), me.middleName(),
                me.category().code(), phone, email, me.regionCode(), me.districtId(), me.unitId(), me.positionId(),
                me.lat(), me.lon(), language, me.skills(), null, null, me.status().name());
        CheckedMember checked = check(command, Visibility.toRead(kz.qalqan.shared.Caller.SYSTEM));
        CheckedMember kept = new CheckedMember(checked.iin(), checked.lastName(), checked.firstName(), checked.middleName(),
                me.birthDate(), me.sex(), checked.category(), checked.phone(), checked.email(), checked.regionCode(),
                checked.districtId(), checked.unitId(), checked.positionId(), checked.lat(), checked.lon(),
                checked.language(), checked.skills(), checked.status(), me.warnings(), me.orgPath());
        if (!members.update(me.id(), me.version(), kept)) {
            throw ConflictException.coded(null, "registry.member.ownRecordChangedMeanwhile");
        }
        audit.record("MEMBER_UPDATE_CONTACTS", "member", Long.toString(me.id()), me.orgPath(), null, null);
        return load(me.id());
    }

    /** The member record linked to the signed-in user. */
    public Member self() {
        Long id = caller.get().memberId();
        if (id == null) {
            throw new kz.qalqan.platform.NotFoundException("Your account is not linked to a member record");
        }
        return find(id);
    }

    /** A member the caller may see; out-of-scope members are as absent as missing ones. The read is audited. */
    public Member find(long id) {
        Member member = load(id);
        audit.record("MEMBER_READ", "member", Long.toString(id), member.orgPath(), null, null);
        return member;
    }

    /**
     * As {@link #find}, but a member who is gone or out of the caller's scope is an empty answer rather than an
     * exception, for callers that list people inside their own transaction (an exception thrown through this
     * transactional facade marks that transaction rollback-only even when the caller catches it).
     */
    public java.util.Optional<Member> findVisible(long id) {
        java.util.Optional<Member> member = members.find(id, reading());
        member.ifPresent(m -> audit.record("MEMBER_READ", "member", Long.toString(id), m.orgPath(), null, null));
        return member;
    }

    private Member load(long id) {
        return members.find(id, reading()).orElseThrow(() -> MemberNotFoundException.forId(id));
    }

    private Member writable(long id) {
        Member member = load(id);
        if (!writing().covers(member.orgPath())) {
            throw kz.qalqan.platform.ForbiddenException.coded("registry.member.outsideArea");
        }
        return member;
    }

    /** Members per home region that the caller may see. */
    public java.util.Map<String, Long> countsByRegion() {
        return members.countsByRegion(reading());
    }

    public List<Assignment> assignments(long id) {
        Member member = load(id);
        audit.record("MEMBER_READ", "member", Long.toString(id), member.orgPath(), null, "assignment history");
        return members.assignments(id);
    }

    /** Members the caller may see. */
    public long count() {
        return members.count(reading());
    }

    public MemberPage search(MemberSearch search) {
        int limit = search.limit() <= 0 ? MemberSearch.DEFAULT_LIMIT : Math.min(search.limit(), MemberSearch.MAX_LIMIT);
        long after = decodeCursor(search.after());
        Visibility visibility = reading();
        String unitPath = search.unitId() == null ? null : org.unit(search.unitId(), visibility)
                .orElseThrow(() -> InvalidInputException.coded("unit", "registry.unit.unknown", search.unitId().toString())).orgPath();
        List<MemberSummary> rows = members.search(search, unitPath, after, limit + 1, visibility);
        audit.record("MEMBER_SEARCH", "member", null, area(unitPath, visibility), null, describe(search));
        boolean more = rows.size() > limit;
        List<MemberSummary> items = more ? rows.subList(0, limit) : rows;
        String next = more ? encodeCursor(items.get(items.size() - 1).id()) : null;
        return new MemberPage(List.copyOf(items), next);
    }

    /**
     * Writes every member the search matches and the caller may see as the member CSV of DOMAIN.md (the
     * import's format, plus {@code status}), in batches so memory stays flat; the export is audited with its
     * criteria and row count. Returns the number of rows written.
     */
    public long export(MemberSearch search, java.io.Writer out) {
        Visibility visibility = reading();
        String unitPath = search.unitId() == null ? null : org.unit(search.unitId(), visibility)
                .orElseThrow(() -> InvalidInputException.coded("unit", "registry.unit.unknown", search.unitId().toString())).orgPath();
        kz.qalqan.platform.csv.CsvWriter csv = new kz.qalqan.platform.csv.CsvWriter(out);
        csv.row("iin", "last_name", "first_name", "middle_name", "category", "phone", "email", "region", "district",
                "unit", "lat", "lon", "language", "skills", "status");
        long after = 0;
        long written = 0;
        for (List<List<String>> batch = members.exportRows(search, unitPath, after, EXPORT_BATCH, visibility);
             !batch.isEmpty(); batch = members.exportRows(search, unitPath, after, EXPORT_BATCH, visibility)) {
            for (List<String> row : batch) {
                csv.row(row.subList(0, 15));
            }
            written += batch.size();
            after = Long.parseLong(batch.get(batch.size() - 1).get(15));
        }
        csv.flush();
        audit.record("MEMBER_EXPORT", "member", null, area(unitPath, visibility), null, describe(search) + " rows=" + written);
        return written;
    }

    private static final int EXPORT_BATCH = 5_000;

    /**
     * Every rule {@link #register} and {@link #update} would find broken in this command, without saving
     * anything; empty when it would be accepted (a duplicate IIN is found only on saving). Lets a form
     * list all its problems at once.
     */
    public List<FieldProblem> problems(MemberCommand command) {
        return MemberRules.check(command, lookup.within(writing())) instanceof MemberRules.Rejected rejected
                ? rejected.problems() : List.of();
    }

    private CheckedMember check(MemberCommand command, Visibility target) {
        MemberRules.Outcome outcome = MemberRules.check(command, lookup.within(target));
        if (outcome instanceof MemberRules.Rejected rejected) {
            throw new InvalidInputException(rejected.problems());
        }
        CheckedMember member = ((MemberRules.Accepted) outcome).member();
        if (!target.covers(member.orgPath())) {
            throw InvalidInputException.coded(member.districtId() == null ? "regionCode" : "districtId",
                    "registry.area.outside");
        }
        return member;
    }

    private static String describe(MemberSearch s) {
        StringBuilder d = new StringBuilder();
        if (s.q() != null && !s.q().isBlank()) d.append("q=").append(s.q().trim()).append(' ');
        if (s.region() != null) d.append("region=").append(s.region()).append(' ');
        if (s.unitId() != null) d.append("unit=").append(s.unitId()).append(s.includeSubunits() ? "+sub " : " ");
        if (s.status() != null) d.append("status=").append(s.status()).append(' ');
        if (s.skill() != null) d.append("skill=").append(s.skill()).append(' ');
        if (s.after() != null) d.append("after=").append(s.after());
        return d.toString().trim();
    }

    private static ConflictException duplicate() {
        return ConflictException.coded("iin", "registry.member.duplicateIin");
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("m:" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (!text.startsWith("m:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(2));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.coded("after", "registry.search.badCursor");
        }
    }

    /**
     * The contacts of many members at once (one query, one audit event), for messages to them; members the
     * caller may not see are left out, so the answer may be shorter than the request.
     */
    public List<MemberContact> contacts(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MemberContact> found = members.contacts(ids, reading());
        audit.record("MEMBER_CONTACTS_READ", "member", null,
                found.isEmpty() ? reading().scope().commonPath()
                        : kz.qalqan.shared.Scope.commonPath(found.stream().map(MemberContact::orgPath).toList()),
                null, "members=" + found.size());
        return found;
    }
}
