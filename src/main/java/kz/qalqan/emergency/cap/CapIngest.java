package kz.qalqan.emergency.cap;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.CapAlert;
import kz.qalqan.emergency.CapArea;
import kz.qalqan.emergency.CapInfo;
import kz.qalqan.emergency.CapParser;
import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.InvalidCapException;
import kz.qalqan.emergency.internal.KazakhstanTerritory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.emergency.Severity;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.GeoPoint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Acts on CAP 1.2 messages from warning agencies ({@code POST /api/cap}): an Alert declares an emergency, an
 * Update revises the emergency its {@code references} point at, a Cancel cancels it; Ack and Error are recorded
 * only; Test, Draft and System messages are not acted upon and not stored. A message seen before (same sender and
 * identifier) changes nothing and answers what it did the first time. Only coordinators send CAP in; the
 * emergency rules (scope over the area, lifecycle) apply as for one declared by hand. Every stored message keeps
 * its raw XML (cut at {@value #RAW_LIMIT} characters) and is audited.
 */
@Service
@Transactional
public class CapIngest {

    static final int RAW_LIMIT = 64 * 1024;
    private static final Pattern REGION_CODE = Pattern.compile("KZ-\\d{2}");

    /** What a received message did. */
    public enum Outcome {
        /** An Alert declared a new emergency. */
        DECLARED,
        /** An Update revised the emergency it references. */
        UPDATED,
        /** A Cancel cancelled (or, once stood down, closed) the emergency it references. */
        CANCELLED,
        /** An Ack or Error: stored, nothing else done. */
        RECORDED,
        /** Test, Draft or System: not acted upon, not stored. */
        NOT_ACTED_UPON,
        /** The same sender and identifier was received before: nothing changed. */
        DUPLICATE
    }

    /** The answer to one message: what it did, to which emergency, and the stored message's id (if stored). */
    public record Receipt(Outcome outcome, Long messageId, Long emergencyId, String sender, String identifier,
                          String msgType, String detail, String reasonCode) {

        Receipt(Outcome outcome, Long messageId, Long emergencyId, String sender, String identifier, String msgType,
                String detail) {
            this(outcome, messageId, emergencyId, sender, identifier, msgType, detail, null);
        }
    }

    /** Why an alert was recorded but not acted upon because of where it is (a message key). */
    public static final String OUTSIDE_KAZAKHSTAN = "cap.notActedUpon.outsideKazakhstan";

    private final CapParser parser = new CapParser();
    private final CapMessages messages;
    private final Emergencies emergencies;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    private final KazakhstanTerritory territory;
    private final OrgStructure org;

    CapIngest(CapMessages messages, Emergencies emergencies, CurrentCaller caller, AuditTrail audit, Clock clock,
              KazakhstanTerritory territory, OrgStructure org) {
        this.territory = territory;
        this.org = org;
        this.messages = messages;
        this.emergencies = emergencies;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads (safely, see {@link CapParser}) and acts on one CAP message. */
    public Receipt receive(byte[] xml) {
        if (caller.get().scopeFor(Emergencies.COORDINATORS).isNothing()) {
            throw ForbiddenException.coded("cap.receive.coordinatorsOnly");
        }
        CapAlert alert;
        try {
            alert = parser.parse(new ByteArrayInputStream(xml));
        } catch (InvalidCapException e) {
            throw e.asInput();
        }
        if (alert.status() == CapAlert.Status.Test || alert.status() == CapAlert.Status.Draft
                || alert.status() == CapAlert.Status.System) {
            return new Receipt(Outcome.NOT_ACTED_UPON, null, null, alert.sender(), alert.identifier(),
                    alert.msgType().name(), "status " + alert.status() + " is not acted upon");
        }
        Optional<CapMessages.Stored> seen = messages.find(alert.sender(), alert.identifier());
        if (seen.isPresent()) {
            return duplicate(seen.get());
        }
        Outcome outcome;
        Long emergencyId;
        String detail;
        String reasonCode = null;
        switch (alert.msgType()) {
            case Alert -> {
                DeclareEmergency command = withDistricts(command(alert, null), alert);
                KazakhstanTerritory.Judgement where = territory.judge(command.area());
                if (where.placement() == KazakhstanTerritory.Placement.OUTSIDE && where.inside().isEmpty()) {
                    outcome = Outcome.NOT_ACTED_UPON;
                    emergencyId = null;
                    reasonCode = OUTSIDE_KAZAKHSTAN;
                    detail = "not acted upon: the alert's area lies entirely outside Kazakhstan";
                } else {
                    Emergency declared = emergencies.declare(withArea(command, where.inside()), alert.sender(),
                            alert.identifier());
                    outcome = Outcome.DECLARED;
                    emergencyId = declared.id();
                    detail = "declared " + declared.type() + " " + declared.severity()
                            + (where.placement() == KazakhstanTerritory.Placement.ACROSS_BORDER
                            ? " over the part of the area in Kazakhstan" : "");
                }
            }
            case Update -> {
                Emergency current = referenced(alert);
                emergencyId = current.id();
                if (alert.infos().isEmpty()) {
                    detail = "nothing to revise: the update has no info";
                } else {
                    DeclareEmergency command = withDistricts(command(alert, current), alert);
                    KazakhstanTerritory.Judgement where = territory.judge(command.area());
                    // an update that moves the whole area abroad keeps the area in Kazakhstan it had
                    emergencies.revise(current.id(), withArea(command, where.placement() == KazakhstanTerritory.Placement.OUTSIDE
                            && where.inside().isEmpty() ? current.area() : where.inside()));
                    detail = "revised";
                }
                outcome = Outcome.UPDATED;
            }
            case Cancel -> {
                Emergency current = referenced(alert);
                emergencyId = current.id();
                String reason = cancelReason(alert, xml);
                if (current.status() == EmergencyStatus.ACTIVE) {
                    emergencies.changeStatus(current.id(), EmergencyStatus.CANCELLED, reason);
                    detail = "cancelled";
                } else if (current.status() == EmergencyStatus.STOOD_DOWN) {
                    // a stood-down emergency may only be closed; the cancel ends it all the same
                    emergencies.changeStatus(current.id(), EmergencyStatus.CLOSED, reason);
                    detail = "closed (it was already stood down)";
                } else {
                    emergencies.managed(current.id());
                    detail = "already " + current.status();
                }
                outcome = Outcome.CANCELLED;
            }
            default -> {
                outcome = Outcome.RECORDED;
                emergencyId = alert.references().stream()
                        .map(r -> messages.emergencyOf(r.sender(), r.identifier())).flatMap(Optional::stream)
                        .findFirst().orElse(null);
                detail = alert.msgType() + " recorded";
            }
        }
        String raw = new String(xml, StandardCharsets.UTF_8);
        Optional<Long> id = messages.insert(alert, emergencyId, outcome.name(),
                raw.length() > RAW_LIMIT ? raw.substring(0, RAW_LIMIT) : raw, xml.length, clock.instant(),
                caller.get().username());
        if (id.isEmpty()) {
            // the same message arrived twice at once: the other one won; this transaction must not stand
            throw ConflictException.coded("identifier", "cap.receive.inProgress", alert.identifier(), alert.sender());
        }
        audit.record("CAP_RECEIVE", "cap_message", Long.toString(id.get()), senderArea(), null,
                alert.msgType() + " " + alert.sender() + "," + alert.identifier() + ": " + outcome
                        + (emergencyId == null ? "" : " emergency " + emergencyId));
        return new Receipt(outcome, id.get(), emergencyId, alert.sender(), alert.identifier(), alert.msgType().name(),
                detail, reasonCode);
    }

    /** Where a received message belongs in the audit: the sending coordinator's area (alerts outside it are refused). */
    private String senderArea() {
        return caller.get().scopeFor(Emergencies.COORDINATORS).commonPath();
    }

    private Receipt duplicate(CapMessages.Stored stored) {
        if (stored.emergencyId() != null) {
            emergencies.find(stored.emergencyId()); // 404 for a coordinator who may not see that emergency
        }
        audit.record("CAP_RECEIVE", "cap_message", Long.toString(stored.id()), senderArea(), null,
                "repeat of " + stored.sender() + "," + stored.identifier() + ": nothing changed");
        return new Receipt(Outcome.DUPLICATE, stored.id(), stored.emergencyId(), stored.sender(), stored.identifier(),
                stored.msgType(), "received before (" + stored.outcome() + "); nothing changed");
    }

    /** The emergency an Update or Cancel refers to: the newest reference that names one we know. */
    private Emergency referenced(CapAlert alert) {
        if (alert.references().isEmpty()) {
            throw alert.msgType() == CapAlert.MsgType.Cancel
                    ? InvalidInputException.coded("references", "cap.references.missingForCancel")
                    : InvalidInputException.coded("references", "cap.references.missingForUpdate");
        }
        List<CapAlert.Reference> refs = new ArrayList<>(alert.references());
        java.util.Collections.reverse(refs);
        for (CapAlert.Reference ref : refs) {
            Optional<Long> id = messages.emergencyOf(ref.sender(), ref.identifier());
            if (id.isPresent()) {
                return emergencies.managed(id.get());
            }
        }
        CapAlert.Reference first = alert.references().get(0);
        throw ConflictException.coded("references", "cap.references.unknown", first.sender(), first.identifier(),
                alert.references().size());
    }

    /** What the alert says, as a declaration; {@code current} supplies what an update leaves out. */
    static DeclareEmergency command(CapAlert alert, Emergency current) {
        CapInfo info = preferred(alert.infos());
        boolean exercise = alert.status() == CapAlert.Status.Exercise || (current != null && current.exercise());
        if (info == null) {
            return new DeclareEmergency(current == null ? "CAP " + alert.identifier() : current.title(),
                    current == null ? kz.qalqan.emergency.EmergencyType.OTHER : current.type(),
                    current == null ? Severity.UNKNOWN : current.severity(), exercise,
                    current == null ? null : current.description(), current == null ? null : current.area());
        }
        String title = firstNonBlank(info.headline(), info.event(), current == null ? null : current.title(),
                "CAP " + alert.identifier());
        EmergencyArea area = area(alert.infos());
        if (area.isEmpty() && current != null) {
            area = current.area();
        }
        return new DeclareEmergency(cut(title, 200), CapTypes.typeOf(info), Severity.fromCap(info.severity())
                .orElse(Severity.UNKNOWN), exercise, description(info), area);
    }

    private static DeclareEmergency withArea(DeclareEmergency c, EmergencyArea area) {
        return new DeclareEmergency(c.title(), c.type(), c.severity(), c.exercise(), c.description(), area);
    }

    /** Adds the districts the alert's geocodes name (a district's name in Kazakh, Russian or English). */
    private DeclareEmergency withDistricts(DeclareEmergency c, CapAlert alert) {
        Set<Integer> named = new LinkedHashSet<>();
        for (CapInfo info : alert.infos()) {
            for (CapArea area : info.areas()) {
                for (CapArea.Geocode g : area.geocodes()) {
                    String value = g.value() == null ? "" : g.value().strip();
                    if (value.isEmpty() || REGION_CODE.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
                        continue;
                    }
                    org.districts().stream()
                            .filter(d -> value.equalsIgnoreCase(d.nameKk()) || value.equalsIgnoreCase(d.nameRu())
                                    || value.equalsIgnoreCase(d.nameEn()))
                            .forEach(d -> named.add(d.id()));
                }
            }
        }
        if (named.isEmpty() || c.area() == null) {
            return c;
        }
        List<Integer> districts = new ArrayList<>(c.area().districtIds());
        named.stream().filter(d -> !districts.contains(d)).forEach(districts::add);
        EmergencyArea a = c.area();
        return withArea(c, new EmergencyArea(a.polygons(), a.circles(), a.regionCodes(), districts));
    }

    /** The info block in Kazakh, else Russian, else English, else the first. */
    private static CapInfo preferred(List<CapInfo> infos) {
        for (String language : List.of("kk", "ru", "en")) {
            for (CapInfo info : infos) {
                if (info.language().toLowerCase(Locale.ROOT).startsWith(language)) {
                    return info;
                }
            }
        }
        return infos.isEmpty() ? null : infos.get(0);
    }

    /**
     * The union of the areas of every info block (the languages describe the same place): polygons, circles,
     * and geocodes that are Kazakhstan region codes (ISO 3166-2, {@code KZ-nn}).
     */
    static EmergencyArea area(List<CapInfo> infos) {
        Set<List<GeoPoint>> polygons = new LinkedHashSet<>();
        Set<EmergencyArea.Circle> circles = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        for (CapInfo info : infos) {
            for (CapArea area : info.areas()) {
                area.polygons().forEach(p -> polygons.add(p.stream().map(pt -> new GeoPoint(pt.lat(), pt.lon())).toList()));
                area.circles().forEach(c -> circles.add(new EmergencyArea.Circle(
                        new GeoPoint(c.center().lat(), c.center().lon()), c.radiusKm())));
                for (CapArea.Geocode g : area.geocodes()) {
                    String value = g.value() == null ? "" : g.value().trim().toUpperCase(Locale.ROOT);
                    if (REGION_CODE.matcher(value).matches()) {
                        regions.add(value);
                    }
                }
            }
        }
        return new EmergencyArea(List.copyOf(polygons), List.copyOf(circles), List.copyOf(regions), List.of());
    }

    private static String description(CapInfo info) {
        String text = String.join("\n\n", java.util.stream.Stream.of(info.description(), info.instruction())
                .filter(s -> s != null && !s.isBlank()).toList());
        return text.isBlank() ? null : cut(text, 4000);
    }

    private static final Pattern NOTE = Pattern.compile("<(?:[\\w.-]+:)?note>([^<]{1,2000})</(?:[\\w.-]+:)?note>");

    /** The alert's note (the parser has already refused anything unsafe), else an info's description or headline. */
    private static String cancelReason(CapAlert alert, byte[] xml) {
        java.util.regex.Matcher note = NOTE.matcher(new String(xml, StandardCharsets.UTF_8));
        if (note.find() && !note.group(1).isBlank()) {
            String text = note.group(1).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&apos;", "'").replace("&amp;", "&");
            return cut(text, 1000);
        }
        String reason = alert.infos().stream().map(CapInfo::description).filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
        if (reason == null) {
            reason = alert.infos().stream().map(CapInfo::headline).filter(s -> s != null && !s.isBlank())
                    .findFirst().orElse(null);
        }
        return cut(reason == null ? "Cancelled by CAP message " + alert.sender() + "," + alert.identifier() : reason, 1000);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
