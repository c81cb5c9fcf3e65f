package kz.qalqan.registry;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.registry.internal.CheckedMember;
import kz.qalqan.registry.internal.DatabaseOrgLookup;
import kz.qalqan.registry.internal.MemberRepository;
import kz.qalqan.registry.internal.MemberRules;
import kz.qalqan.registry.internal.OrgRepository;
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
@Transactional(readOnly = true)
public class MemberDirectory {

    private final MemberRepository members;
    private final OrgRepository org;
    private final DatabaseOrgLookup lookup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberDirectory(MemberRepository members, OrgRepository org, DatabaseOrgLookup lookup,
                    ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.org = org;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Member register(MemberCommand command, String actor) {
        CheckedMember checked = check(command);
        if (members.iinTaken(checked.iin().value(), null)) {
            throw duplicate();
        }
        long id = members.insert(checked);
        if (id < 0) {
            throw duplicate(); // a concurrent insert won the race
        }
        if (checked.unitId() != null) {
            members.openAssignment(id, checked.unitId(), checked.positionId(), actor, clock.instant());
        }
        events.publishEvent(new MemberRegistered(id, checked.unitId(), checked.orgPath()));
        return find(id);
    }

    @Transactional
    public Member update(long id, MemberCommand command, String actor) {
        Member current = find(id);
        CheckedMember checked = check(command);
        if (members.iinTaken(checked.iin().value(), id)) {
            throw duplicate();
        }
        if (!members.update(id, current.version(), checked)) {
            throw new ConflictException(null, "the member was changed by someone else meanwhile; reload and try again");
        }
        if (!Objects.equals(current.unitId(), checked.unitId()) || !Objects.equals(current.positionId(), checked.positionId())) {
            var now = clock.instant();
            members.closeAssignment(id, now);
            if (checked.unitId() != null) {
                members.openAssignment(id, checked.unitId(), checked.positionId(), actor, now);
            }
            events.publishEvent(new MemberAssigned(id, current.unitId(), checked.unitId(), checked.positionId()));
        }
        if (current.status() != checked.status()) {
            events.publishEvent(new MemberStatusChanged(id, current.status(), checked.status()));
        }
        return find(id);
    }

    @Transactional
    public void delete(long id) {
        find(id);
        members.delete(id);
    }

    public Member find(long id) {
        return members.find(id).orElseThrow(() -> MemberNotFoundException.forId(id));
    }

    public List<Assignment> assignments(long id) {
        find(id);
        return members.assignments(id);
    }

    public long count() {
        return members.count();
    }

    /** How many members each region has, by region code (ordered by code); regions without members are absent. */
    public Map<String, Long> countsByRegion() {
        return Collections.unmodifiableMap(members.countsByRegion());
    }

    public MemberPage search(MemberSearch search) {
        int limit = search.limit() <= 0 ? MemberSearch.DEFAULT_LIMIT : Math.min(search.limit(), MemberSearch.MAX_LIMIT);
        long after = decodeCursor(search.after());
        String unitPath = search.unitId() == null ? null : org.unit(search.unitId())
                .orElseThrow(() -> InvalidInputException.of("unit", "no unit with id " + search.unitId())).orgPath();
        List<MemberSummary> rows = members.search(search, unitPath, after, limit + 1);
        boolean more = rows.size() > limit;
        List<MemberSummary> items = more ? rows.subList(0, limit) : rows;
        String next = more ? encodeCursor(items.get(items.size() - 1).id()) : null;
        return new MemberPage(List.copyOf(items), next);
    }

    /**
     * Every rule {@link #register} and {@link #update} would find broken in this command, without saving
     * anything; empty when it would be accepted (a duplicate IIN is found only on saving). Lets a form
     * list all its problems at once.
     */
    public List<FieldProblem> problems(MemberCommand command) {
        return MemberRules.check(command, lookup) instanceof MemberRules.Rejected rejected ? rejected.problems() : List.of();
    }

    private CheckedMember check(MemberCommand command) {
        MemberRules.Outcome outcome = MemberRules.check(command, lookup);
        if (outcome instanceof MemberRules.Rejected rejected) {
            throw new InvalidInputException(rejected.problems());
        }
        return ((MemberRules.Accepted) outcome).member();
    }

    private static ConflictException duplicate() {
        return new ConflictException("iin", "a member with this IIN is already registered");
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
            throw InvalidInputException.of("after", "is not a cursor returned by a previous page");
        }
    }
}
