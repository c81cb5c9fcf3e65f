package kz.qalqan.incident.internal;

import kz.qalqan.incident.BodyRegion;
import kz.qalqan.incident.Cause;
import kz.qalqan.incident.CorrectiveAction;
import kz.qalqan.incident.IncidentKind;
import kz.qalqan.incident.IncidentSearch;
import kz.qalqan.incident.IncidentStatus;
import kz.qalqan.incident.IncidentSummary;
import kz.qalqan.incident.IncidentView;
import kz.qalqan.incident.InjuryRecord;
import kz.qalqan.incident.Mechanism;
import kz.qalqan.incident.Outcome;
import kz.qalqan.incident.SafetyChainNotice;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Incidents, their people, corrective actions and safety-chain notices. */
@Repository
public class IncidentRepository {

    /** A checked report ready to store. */
    public record NewIncident(IncidentKind kind, Instant occurredAt, LocalDate occurredOn, Long unitId, String unitCode,
                              String unitName, String orgPath, String regionCode, String place, Double lat, Double lon,
                              String description, List<Long> personIds, Mechanism mechanism, BodyRegion bodyRegion,
                              Cause cause, ActivityType activityType, Outcome outcome, Integer restrictedDays,
                              Integer lostDays, String diagnosis, String outcomeNarrative, boolean serious,
                              boolean anonymous, String reportedBy, Instant reportedAt) {
    }

    /** Who may see an incident: the org path, the people involved and the (non-anonymous) reporter. */
    public record Access(long id, String orgPath, List<Long> personIds, String reportedBy) {
    }

    private final JdbcClient jdbc;

    public IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewIncident n) {
        long id = jdbc.sql("""
                        insert into incident.incident (kind, occurred_at, occurred_on, unit_id, unit_code, unit_name, org_path,
                            region_code, place, lat, lon, description, mechanism, body_region, cause, activity_type, outcome,
                            restricted_days, lost_days, diagnosis, outcome_narrative, serious, anonymous, reported_by,
                            reported_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED')
                        returning id""")
                .params(n.kind().name(), Timestamp.from(n.occurredAt()), Date.valueOf(n.occurredOn()), n.unitId(),
                        n.unitCode(), n.unitName(), n.orgPath(), n.regionCode(), n.place(), n.lat(), n.lon(),
                        n.description(), name(n.mechanism()), name(n.bodyRegion()), name(n.cause()),
                        name(n.activityType()), name(n.outcome()), n.restrictedDays(), n.lostDays(), n.diagnosis(),
                        n.outcomeNarrative(), n.serious(), n.anonymous(), n.reportedBy(), Timestamp.from(n.reportedAt()))
                .query(Long.class).single();
        if (!n.personIds().isEmpty()) {
            jdbc.sql("""
                            insert into incident.person (incident_id, member_id)
                            select ?, m from unnest(?::bigint[]) m on conflict do nothing""")
                    .params(id, n.personIds().toArray(Long[]::new))
                    .update();
        }
        return id;
    }

    public Optional<Access> access(long id) {
        return jdbc.sql("""
                        select i.id, i.org_path, i.reported_by,
                               array(select p.member_id from incident.person p where p.incident_id = i.id order by 1) persons
                        from incident.incident i where i.id = ?""")
                .param(id)
                .query((rs, n) -> new Access(rs.getLong("id"), rs.getString("org_path"), longs(rs, "persons"),
                        rs.getString("reported_by")))
                .optional();
    }

    public Optional<IncidentView> find(long id) {
        List<CorrectiveAction> actions = actions(id);
        List<SafetyChainNotice> notices = notices(id);
        return jdbc.sql("""
                        select i.*, array(select p.member_id from incident.person p where p.incident_id = i.id order by 1) persons
                        from incident.incident i where i.id = ?""")
                .param(id)
                .query((rs, n) -> new IncidentView(rs.getLong("id"), IncidentKind.valueOf(rs.getString("kind")),
                        IncidentStatus.valueOf(rs.getString("status")), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("occurred_on", LocalDate.class), (Long) rs.getObject("unit_id"),
                        rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("region_code"),
                        rs.getString("place"), (Double) rs.getObject("lat"), (Double) rs.getObject("lon"),
                        rs.getString("description"), longs(rs, "persons"),
                        value(Mechanism.class, rs.getString("mechanism")), value(BodyRegion.class, rs.getString("body_region")),
                        value(Cause.class, rs.getString("cause")), value(ActivityType.class, rs.getString("activity_type")),
                        value(Outcome.class, rs.getString("outcome")), (Integer) rs.getObject("restricted_days"),
                        (Integer) rs.getObject("lost_days"), rs.getString("diagnosis"), rs.getString("outcome_narrative"),
                        rs.getBoolean("serious"), rs.getBoolean("anonymous"), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(), rs.getString("investigator"), rs.getString("review"),
                        rs.getString("closed_by"), instant(rs, "closed_at"), actions, notices, rs.getInt("version")))
                .optional();
    }

    /** The workflow state, locked until the transaction ends. */
    public Optional<Incident> lock(long id) {
        List<CorrectiveAction> actions = actions(id);
        return jdbc.sql("select id, status, version from incident.incident where id = ? for update")
                .param(id)
                .query((rs, n) -> new Incident(rs.getLong("id"), IncidentStatus.valueOf(rs.getString("status")), actions,
                        rs.getInt("version")))
                .optional();
    }

    /** Stores a change made by the aggregate and bumps the version. */
    public void apply(Incident incident, Incident.Change change) {
        if (change instanceof Incident.InvestigationStarted s) {
            jdbc.sql("""
                            update incident.incident set status = ?, investigator = ?, investigation_started_at = ?,
                                version = version + 1 where id = ?""")
                    .params(incident.status().name(), s.investigator(), Timestamp.from(s.at()), incident.id()).update();
        } else if (change instanceof Incident.ActionAdded a) {
            jdbc.sql("""
                            insert into incident.corrective_action (incident_id, description, owner, due_on, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(incident.id(), a.description(), a.owner(), Date.valueOf(a.dueOn()), a.actor(),
                            Timestamp.from(a.at())).update();
            jdbc.sql("update incident.incident set status = ?, version = version + 1 where id = ?")
                    .params(incident.status().name(), incident.id()).update();
        } else if (change instanceof Incident.ActionDone d) {
            jdbc.sql("update incident.corrective_action set done_on = ?, done_by = ? where id = ? and incident_id = ?")
                    .params(Date.valueOf(d.doneOn()), d.actor(), d.actionId(), incident.id()).update();
            jdbc.sql("update incident.incident set version = version + 1 where id = ?").param(incident.id()).update();
        } else if (change instanceof Incident.Closed c) {
            jdbc.sql("""
                            update incident.incident set status = ?, review = ?, closed_by = ?, closed_at = ?,
                                version = version + 1 where id = ?""")
                    .params(incident.status().name(), c.review(), c.actor(), Timestamp.from(c.at()), incident.id()).update();
        }
    }

    public List<CorrectiveAction> actions(long incidentId) {
        return jdbc.sql("""
                        select id, description, owner, due_on, done_on, done_by from incident.corrective_action
                        where incident_id = ? order by due_on, id""")
                .param(incidentId)
                .query((rs, n) -> new CorrectiveAction(rs.getLong("id"), rs.getString("description"), rs.getString("owner"),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class),
                        rs.getString("done_by")))
                .list();
    }

    public List<SafetyChainNotice> notices(long incidentId) {
        return jdbc.sql("""
                        select role, org_path, recorded_at from incident.safety_chain_notice
                        where incident_id = ? order by length(org_path) desc, role""")
                .param(incidentId)
                .query((rs, n) -> new SafetyChainNotice(rs.getString("role"), rs.getString("org_path"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Records the safety chain of an incident once: a repeated event adds nothing. */
    public int recordNotices(long incidentId, List<String> roles, List<String> orgPaths, Instant at) {
        return jdbc.sql("""
                        insert into incident.safety_chain_notice (incident_id, role, org_path, recorded_at)
                        select ?, r, p, ? from unnest(?::text[], ?::text[]) as chain(r, p)
                        on conflict (incident_id, role, org_path) do nothing""")
                .params(incidentId, Timestamp.from(at), roles.toArray(String[]::new), orgPaths.toArray(String[]::new))
                .update();
    }

    /**
     * Incidents the caller may see, newest first: those in {@code scope}, those the member {@code self} is
     * involved in, and those {@code reporter} reported under their name.
     */
    public List<IncidentSummary> search(IncidentSearch s, Scope scope, Long self, String reporter, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        if (scope.isEverything()) {
            visible.add("true");
        } else if (!scope.isNothing()) {
            visible.add("i.org_path like any(?)");
            params.add(scope.likePatterns());
        }
        if (self != null) {
            visible.add("exists (select 1 from incident.person p where p.incident_id = i.id and p.member_id = ?)");
            params.add(self);
        }
        if (reporter != null) {
            visible.add("i.reported_by = ?");
            params.add(reporter);
        }
        StringBuilder sql = new StringBuilder("""
                select i.id, i.kind, i.status, i.occurred_on, i.unit_id, i.unit_code, i.region_code, i.place, i.outcome,
                       i.serious
                from incident.incident i where (""");
        sql.append(visible.isEmpty() ? "false" : String.join(" or ", visible)).append(")");
        if (s.status() != null) {
            sql.append(" and i.status = ?");
            params.add(s.status().name());
        }
        if (s.kind() != null) {
            sql.append(" and i.kind = ?");
            params.add(s.kind().name());
        }
        if (s.from() != null) {
            sql.append(" and i.occurred_on >= ?");
            params.add(Date.valueOf(s.from()));
        }
        if (s.to() != null) {
            sql.append(" and i.occurred_on <= ?");
            params.add(Date.valueOf(s.to()));
        }
        if (s.after() != null) {
            sql.append(" and i.id < ?");
            params.add(s.after());
        }
        sql.append(" order by i.id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new IncidentSummary(rs.getLong("id"), IncidentKind.valueOf(rs.getString("kind")),
                        IncidentStatus.valueOf(rs.getString("status")), rs.getObject("occurred_on", LocalDate.class),
                        (Long) rs.getObject("unit_id"), rs.getString("unit_code"), rs.getString("region_code"),
                        rs.getString("place"), value(Outcome.class, rs.getString("outcome")), rs.getBoolean("serious")))
                .list();
    }

    /** Injuries (injury, heat and cold injury) the member was involved in on or after {@code since}, newest first. */
    public List<InjuryRecord> injuriesOf(long memberId, LocalDate since) {
        return jdbc.sql("""
                        select i.id, i.kind, i.occurred_on, i.outcome from incident.incident i
                        join incident.person p on p.incident_id = i.id
                        where p.member_id = ? and i.kind in ('INJURY', 'HEAT_INJURY', 'COLD_INJURY') and i.occurred_on >= ?
                        order by i.occurred_on desc, i.id desc""")
                .params(memberId, Date.valueOf(since))
                .query((rs, n) -> new InjuryRecord(rs.getLong("id"), IncidentKind.valueOf(rs.getString("kind")),
                        rs.getObject("occurred_on", LocalDate.class), value(Outcome.class, rs.getString("outcome"))))
                .list();
    }

    /** Whether the member ever had a heat or cold injury. */
    public boolean hadHeatOrColdInjury(long memberId) {
        return jdbc.sql("""
                        select exists (select 1 from incident.incident i join incident.person p on p.incident_id = i.id
                                       where p.member_id = ? and i.kind in ('HEAT_INJURY', 'COLD_INJURY'))""")
                .param(memberId).query(Boolean.class).single();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Long> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(((Number) v).longValue());
        }
        return List.copyOf(out);
    }
}
