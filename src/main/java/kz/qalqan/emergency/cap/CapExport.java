package kz.qalqan.emergency.cap;

import kz.qalqan.emergency.CapParser;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.callup.CallUpProperties;
import kz.qalqan.shared.GeoPoint;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Qalqan's own CAP 1.2 messages for an emergency, for agencies and gateways that speak CAP: the call-up (an Alert,
 * scope Restricted, categories Rescue and Safety, the emergency's area) and, once the emergency is stood down,
 * closed or cancelled, the all-clear (an Update with response type AllClear, or a Cancel) that references the
 * call-up. Each message carries one info block per language (Kazakh, Russian, English). Watchers only; the read
 * is audited by {@link Emergencies#find}.
 */
@Service
@Transactional
public class CapExport {

    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    // CAP 1.2 forbids "Z": the offset is always written as +hh:mm
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(KAZAKHSTAN);
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk-KZ"), Locale.forLanguageTag("ru-KZ"),
            Locale.forLanguageTag("en-US"));

    private final Emergencies emergencies;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CallUpProperties properties;

    CapExport(Emergencies emergencies, JdbcClient jdbc, MessageSource messages, CallUpProperties properties) {
        this.emergencies = emergencies;
        this.jdbc = jdbc;
        this.messages = messages;
        this.properties = properties;
    }

    /** The current message (call-up, or all-clear after stand-down), or always the call-up. */
    public String xml(long emergencyId, boolean callUpOnly) {
        Emergency e = emergencies.find(emergencyId);
        Instant callUpSent = jdbc.sql("select min(ordered_at) from emergency.callup where emergency_id = ?")
                .param(emergencyId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(e.declaredAt());
        String callUpId = identifier(e, "CALLUP");
        if (callUpOnly || e.status() == EmergencyStatus.ACTIVE) {
            return message(e, callUpId, callUpSent, "Alert", null, "callup");
        }
        boolean cancelled = e.status() == EmergencyStatus.CANCELLED;
        Instant at = e.closedAt() != null ? e.closedAt() : e.updatedAt();
        String reference = properties.capSender() + "," + callUpId + "," + CAP_TIME.format(callUpSent);
        return message(e, identifier(e, cancelled ? "CANCEL" : "ALLCLEAR"), at.isBefore(callUpSent) ? callUpSent : at,
                cancelled ? "Cancel" : "Update", reference, cancelled ? "cancel" : "allclear");
    }

    private static String identifier(Emergency e, String kind) {
        return "QALQAN-E" + e.id() + "-" + kind;
    }

    private String message(Emergency e, String identifier, Instant sent, String msgType, String references, String kind) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"").append(CapParser.NAMESPACE).append("\">\n");
        el(x, 1, "identifier", identifier);
        el(x, 1, "sender", properties.capSender());
        el(x, 1, "sent", CAP_TIME.format(sent));
        el(x, 1, "status", e.exercise() ? "Exercise" : "Actual");
        el(x, 1, "msgType", msgType);
        el(x, 1, "source", "Qalqan");
        el(x, 1, "scope", "Restricted");
        el(x, 1, "restriction", text("callup.cap.restriction", Locale.ENGLISH));
        if (e.exercise()) {
            el(x, 1, "note", "Exercise");
        }
        if (references != null) {
            el(x, 1, "references", references);
        }
        el(x, 1, "incidents", "QALQAN-E" + e.id());
        for (Locale locale : LANGUAGES) {
            x.append("  <info>\n");
            el(x, 2, "language", locale.toLanguageTag());
            el(x, 2, "category", "Rescue");
            el(x, 2, "category", "Safety");
            el(x, 2, "event", text("emergency.type." + e.type(), locale));
            el(x, 2, "responseType", kind.equals("callup") ? "Execute" : kind.equals("allclear") ? "AllClear" : "None");
            el(x, 2, "urgency", kind.equals("callup") ? "Immediate" : "Past");
            el(x, 2, "severity", kind.equals("callup") ? e.severity().capValue() : "Minor");
            el(x, 2, "certainty", "Observed");
            el(x, 2, "audience", text("callup.cap.audience", locale));
            el(x, 2, "senderName", "Qalqan");
            el(x, 2, "headline", cut(text("callup.cap.headline." + kind, locale, e.title()), 160));
            el(x, 2, "description", text("callup.cap.description." + kind, locale));
            if (kind.equals("callup")) {
                el(x, 2, "instruction", text("callup.cap.instruction.callup", locale));
            }
            area(x, e.area(), text("callup.cap.area", locale));
            x.append("  </info>\n");
        }
        x.append("</alert>\n");
        return x.toString();
    }

    private static void area(StringBuilder x, EmergencyArea area, String description) {
        x.append("    <area>\n");
        String regions = area.regionCodes().isEmpty() ? "" : " (" + String.join(", ", area.regionCodes()) + ")";
        el(x, 3, "areaDesc", description + regions);
        for (List<GeoPoint> ring : area.polygons()) {
            el(x, 3, "polygon", ring.stream().map(CapExport::point).collect(Collectors.joining(" ")));
        }
        for (EmergencyArea.Circle c : area.circles()) {
            el(x, 3, "circle", point(c.center()) + " " + number(c.radiusKm()));
        }
        for (String code : area.regionCodes()) {
            x.append("      <geocode>\n");
            el(x, 4, "valueName", "ISO3166-2");
            el(x, 4, "value", code);
            x.append("      </geocode>\n");
        }
        for (Integer district : area.districtIds()) {
            x.append("      <geocode>\n");
            el(x, 4, "valueName", "QALQAN-DISTRICT");
            el(x, 4, "value", Integer.toString(district));
            x.append("      </geocode>\n");
        }
        x.append("    </area>\n");
    }

    private static String point(GeoPoint p) {
        return number(p.lat()) + "," + number(p.lon());
    }

    private static String number(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static void el(StringBuilder x, int depth, String name, String value) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(value)).append("</").append(name)
                .append(">\n");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
