package kz.qalqan.training.internal;

import kz.qalqan.training.EventStatus;
import kz.qalqan.training.TrainingEvent;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes training events as an RFC 5545 calendar with ical4j: one VEVENT per event with a stable UID,
 * DTSTAMP (the last change), DTSTART/DTEND in UTC, SUMMARY, LOCATION, GEO when known, STATUS (CANCELLED for
 * a cancelled event, CONFIRMED once started, TENTATIVE while planned) and SEQUENCE.
 */
public final class IcsWriter {

    private IcsWriter() {
    }

    public static String write(String name, List<TrainingEvent> events, String host) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Qalqan//Training calendar//KK"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Asia/Almaty"));
        for (TrainingEvent e : events) {
            VEvent v = new VEvent(false);
            Instant stamp = e.updatedAt().truncatedTo(ChronoUnit.SECONDS);
            v.add(new Uid("training-event-" + e.id() + "@" + host));
            v.add(new DtStamp(stamp));
            v.add(new LastModified(stamp));
            v.add(new DtStart<>(e.startsAt().truncatedTo(ChronoUnit.SECONDS)));
            v.add(new DtEnd<>(e.endsAt().truncatedTo(ChronoUnit.SECONDS)));
            v.add(new Summary(e.title()));
            String location = e.placeName() == null ? e.regionCode() : e.placeName() + ", " + e.regionCode();
            v.add(new Location(location));
            if (e.lat() != null && e.lon() != null) {
                v.add(new Geo(BigDecimal.valueOf(e.lat()).setScale(6, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(e.lon()).setScale(6, RoundingMode.HALF_UP)));
            }
            v.add(new Description(e.unitCode() + " · " + e.activityType() + " · " + e.intensity()));
            v.add(e.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                    : e.status() == EventStatus.PLANNED ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
            v.add(new Sequence(e.sequence()));
            calendar.add(v);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
