package kz.qalqan.training;

import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.training.internal.EventRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Training load per member (Σ duration × session RPE per Kazakhstan day) and the acute:chronic workload
 * ratio with its flag (see {@link WorkloadRatio}, {@link AcwrFlag}).
 */
@Service
@Transactional
public class TrainingLoads {

    /** How far back the EWMA is fed before the window shown. */
    static final int HISTORY_DAYS = 365;
    public static final int MAX_WINDOW_DAYS = 366;

    private final EventRepository events;
    private final MemberDirectory members;
    private final Clock clock;

    TrainingLoads(EventRepository events, MemberDirectory members, Clock clock) {
        this.events = events;
        this.members = members;
        this.clock = clock;
    }

    /** The member's loads over the last {@code days} days; the member must be visible to the caller (audited). */
    public LoadReport report(long memberId, int days, WorkloadRatio.Method method) {
        members.find(memberId);
        return compute(memberId, Math.max(1, Math.min(days, MAX_WINDOW_DAYS)), method);
    }

    /**
     * Today's flag of one member by the default (EWMA) method, empty without data. For other modules: no scope
     * check and no audit here — the caller reached the member through the registry already.
     */
    @Transactional(readOnly = true)
    public Optional<AcwrFlag> currentFlag(long memberId) {
        return Optional.ofNullable(compute(memberId, 1, WorkloadRatio.Method.EWMA).flag());
    }

    /** Today's flags of many members (EWMA) in one query; members without data are absent from the map. */
    @Transactional(readOnly = true)
    public Map<Long, AcwrFlag> currentFlags(Collection<Long> memberIds) {
        LocalDate today = today();
        Map<Long, Map<LocalDate, Long>> byMember = new HashMap<>();
        events.dailyLoads(memberIds, today.minusDays(HISTORY_DAYS), today)
                .forEach(l -> byMember.computeIfAbsent(l.memberId(), k -> new HashMap<>()).put(l.day(), l.load()));
        Map<Long, AcwrFlag> flags = new HashMap<>();
        byMember.forEach((id, loads) -> {
            AcwrFlag flag = WorkloadRatio.on(loads, today, WorkloadRatio.Method.EWMA).flag();
            if (flag != null) {
                flags.put(id, flag);
            }
        });
        return flags;
    }

    /**
     * For each member, the distinct days in [from, to] (Kazakhstan days) with attendance PRESENT at a training
     * event other than CLASSROOM — exposure that counts towards heat acclimatisation. Members without such a
     * day are absent. No scope check and no audit: the caller reached the members through the registry.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> outdoorTrainingDays(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        return events.outdoorDays(memberIds, from, to);
    }

    private LoadReport compute(long memberId, int days, WorkloadRatio.Method method) {
        LocalDate today = today();
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, Long> loads = new HashMap<>();
        events.dailyLoads(memberId, from.minusDays(HISTORY_DAYS), today).forEach(l -> loads.put(l.day(), l.load()));
        List<WorkloadRatio.Day> series = WorkloadRatio.series(loads, from, today, method);
        WorkloadRatio.Day last = series.get(series.size() - 1);
        return new LoadReport(memberId, method, from, today, last.acute(), last.chronic(), last.ratio(), last.flag(), series);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Qualifications.KAZAKHSTAN);
    }
}
