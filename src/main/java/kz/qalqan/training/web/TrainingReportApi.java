package kz.qalqan.training.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.training.CalendarFeeds;
import kz.qalqan.training.CalendarLink;
import kz.qalqan.training.ExpiringQualification;
import kz.qalqan.training.ExpiringQualifications;
import kz.qalqan.training.Exposure;
import kz.qalqan.training.LoadReport;
import kz.qalqan.training.TrainingExposure;
import kz.qalqan.training.TrainingLoads;
import kz.qalqan.training.WorkloadRatio;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

@RestController
@Tag(name = "Training reports", description = "Calendar feeds, expiring qualifications, training load and exposure")
class TrainingReportApi {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeeds feeds;
    private final ExpiringQualifications expiring;
    private final TrainingLoads loads;
    private final TrainingExposure exposure;

    TrainingReportApi(CalendarFeeds feeds, ExpiringQualifications expiring, TrainingLoads loads, TrainingExposure exposure) {
        this.feeds = feeds;
        this.expiring = expiring;
        this.loads = loads;
        this.exposure = exposure;
    }

    record LinkRequest(String kind, Long targetId) {
    }

    @GetMapping("/api/units/{id}/calendar.ics")
    @Operation(summary = "iCalendar feed of the unit's training (with sub-units)")
    ResponseEntity<String> unitFeed(@PathVariable long id, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(CALENDAR).body(feeds.unitFeed(id, request.getServerName()));
    }

    @GetMapping("/api/members/{id}/calendar.ics")
    @Operation(summary = "iCalendar feed of the events a member is enrolled in (the member themselves, or staff in scope)")
    ResponseEntity<String> memberFeed(@PathVariable long id, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(CALENDAR).body(feeds.memberFeed(id, request.getServerName()));
    }

    @GetMapping("/feeds/training/{secret}")
    @Operation(summary = "A feed through a secret subscription link (no sign-in; for calendar apps)")
    ResponseEntity<String> linkedFeed(@PathVariable String secret, HttpServletRequest request) {
        return feeds.feedFor(secret, request.getServerName())
                .map(body -> ResponseEntity.ok().contentType(CALENDAR)
                        .header("Cache-Control", "private, max-age=300").body(body))
                .orElseThrow(() -> new NotFoundException("No such calendar link"));
    }

    @GetMapping("/api/training/calendar-links")
    @Operation(summary = "The caller's calendar subscription links (without secrets)")
    List<CalendarLink> links() {
        return feeds.myLinks();
    }

    @PostMapping("/api/training/calendar-links")
    @Operation(summary = "Make a secret subscription link to a unit or member feed the caller may read; the secret is shown once")
    ResponseEntity<CalendarLink> createLink(@RequestBody LinkRequest request) {
        CalendarLink.Kind kind;
        try {
            kind = CalendarLink.Kind.valueOf(request.kind() == null ? "" : request.kind().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.coded("kind", "training.link.unknownKind", String.valueOf(request.kind()));
        }
        if (request.targetId() == null) {
            throw InvalidInputException.coded("targetId", "training.link.targetRequired");
        }
        return ResponseEntity.status(201).body(feeds.createLink(kind, request.targetId()));
    }

    @DeleteMapping("/api/training/calendar-links/{id}")
    @Operation(summary = "Revoke one of the caller's links")
    ResponseEntity<Void> revokeLink(@PathVariable long id) {
        feeds.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/units/{id}/expiring-qualifications")
    @Operation(summary = "Qualifications of the unit's active members that stop being valid within 30, 60 or 90 days")
    List<ExpiringQualification> expiring(@PathVariable long id, @RequestParam(defaultValue = "30") int days,
                                         @RequestParam(defaultValue = "true") boolean sub) {
        return expiring.of(id, sub, days);
    }

    @GetMapping("/api/members/{id}/training-load")
    @Operation(summary = "Daily loads (minutes × session RPE), acute and chronic load, ACWR and its flag (a flag, not a diagnosis)")
    LoadReport load(@PathVariable long id, @RequestParam(defaultValue = "42") int days,
                    @RequestParam(defaultValue = "EWMA") String method) {
        WorkloadRatio.Method m;
        try {
            m = WorkloadRatio.Method.valueOf(method.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.coded("method", "training.load.unknownMethod", method.trim());
        }
        if (days < 1 || days > TrainingLoads.MAX_WINDOW_DAYS) {
            throw InvalidInputException.coded("days", "training.load.window", TrainingLoads.MAX_WINDOW_DAYS);
        }
        return loads.report(id, days, m);
    }

    @GetMapping("/api/training/exposure")
    @Operation(summary = "Person-days of training by unit, activity type and month (from/to as YYYY-MM)")
    List<Exposure> exposure(@RequestParam(required = false) Long unit, @RequestParam String from,
                            @RequestParam String to) {
        return exposure.of(unit, month("from", from), month("to", to));
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.coded(field, "training.report.month", text.trim());
        }
    }
}
