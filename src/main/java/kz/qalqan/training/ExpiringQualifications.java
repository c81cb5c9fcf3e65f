package kz.qalqan.training;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberPage;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.MemberStatus;
import kz.qalqan.registry.MemberSummary;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.training.internal.QualificationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which qualifications of a unit's active members stop being valid within 30, 60 or 90 days. The members
 * come from the registry (scoped and audited there); the list itself is audited as a read of the unit.
 */
@Service
@Transactional
public class ExpiringQualifications {

    public static final Set<Integer> WINDOWS = Set.of(30, 60, 90);

    private final QualificationRepository repository;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final AuditTrail audit;
    private final Clock clock;

    ExpiringQualifications(QualificationRepository repository, MemberDirectory members, OrgStructure org,
                           AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param days 30, 60 or 90 */
    public List<ExpiringQualification> of(long unitId, boolean includeSubunits, int days) {
        if (!WINDOWS.contains(days)) {
            throw InvalidInputException.coded("days", "training.expiring.window", days);
        }
        Unit unit = org.unit(unitId);
        Map<Long, MemberSummary> people = new HashMap<>();
        String after = null;
        do {
            MemberPage page = members.search(new MemberSearch(null, null, unitId, includeSubunits, MemberStatus.ACTIVE,
                    null, MemberSearch.MAX_LIMIT, after));
            page.items().forEach(m -> people.put(m.id(), m));
            after = page.next();
        } while (after != null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Qualifications.KAZAKHSTAN);
        List<ExpiringQualification> list = new ArrayList<>();
        for (MemberQualification q : repository.expiring(people.keySet(), today, today.plusDays(days))) {
            MemberSummary m = people.get(q.memberId());
            LocalDate lastValid = q.expiresOn().minusDays(1);
            list.add(new ExpiringQualification(m.id(), m.lastName(), m.firstName(), m.middleName(), m.unitCode(),
                    q.code(), q.awardedOn(), q.expiresOn(), lastValid, ChronoUnit.DAYS.between(today, lastValid)));
        }
        audit.record("TRAINING_EXPIRING_READ", "unit", Long.toString(unitId), unit.orgPath(), null,
                days + " days" + (includeSubunits ? " with sub-units" : "") + ", " + list.size() + " rows");
        return list;
    }
}
