package kz.qalqan.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.audit.VerificationResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit trail for auditors: who looked at or changed what. Filters live in the URL, pages go back in
 * time by keyset ({@code before=<seq>}), the CSV export streams every event matching the filters, and the
 * hash chain is verified only when someone asks (it reads the whole chain). Every search and export is
 * itself recorded by the trail. The security configuration admits only ADMIN and AUDITOR to
 * {@code /audit/**}.
 */
@Controller
class AuditController {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, AuditQuery.MAX_LIMIT);

    /**
     * The actions people look for most often, offered by the filter; every action has a name in the bundles
     * ({@code audit.action.*}, see {@link AuditNames}).
     */
    static final List<String> KNOWN_ACTIONS = List.of("MEMBER_READ", "MEMBER_CREATE", "MEMBER_UPDATE",
            "MEMBER_UPDATE_CONTACTS", "MEMBER_DELETE", "MEMBER_SEARCH", "MEMBER_EXPORT", "MEDICAL_READ", "INCIDENT_READ",
            "SITREP_READ", "UNIT_CREATE", "UNIT_UPDATE", "UNIT_DELETE", "POSITION_CREATE", "IMPORT_MEMBERS",
            "USER_CREATE", "USER_UPDATE", "USER_DELETE", "SIGN_IN_FAILED", "EMERGENCY_DECLARE", "CALLUP_SEND",
            "AUDIT_READ", "AUDIT_EXPORT");

    static final List<String> KNOWN_ENTITY_TYPES = List.of("member", "unit", "position", "import", "user", "incident",
            "emergency", "training_event", "AUDIT");

    /** How many problems of a broken chain the page lists; the command-line verifier lists all. */
    static final int SHOWN_PROBLEMS = 20;

    /** Kazakhstan's time, in which people type and read the times of events. */
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private static final Pattern MEMBER_ID = Pattern.compile("\\d{1,18}");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);

    private final AuditTrail trail;
    private final Clock clock;

    AuditController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * The filters as they appear in the URL; all text, so that a bad value can be shown and corrected.
     * {@code from} and {@code to} are local times in Kazakhstan: {@code 2025-05-10T14:30[:15]} (what a
     * date-time input sends), {@code 2025-05-10}, or {@code 10.05.2025 [14:30[:15]]} (as the table shows
     * them); an instant with an offset is taken as it is. {@code from} is inclusive, {@code to} exclusive,
     * except that a {@code to} without a time covers that whole day.
     */
    public record AuditFilter(String actor, String entityType, String entityId, String action, String from,
                              String to, String size, String before) {

        public int pageSize() {
            if (present(size)) {
                try {
                    int n = Integer.parseInt(size.strip());
                    if (n > 0) {
                        return Math.min(n, AuditQuery.MAX_LIMIT);
                    }
                } catch (NumberFormatException e) {
                    // a hand-edited link: the default size
                }
            }
            return AuditQuery.DEFAULT_LIMIT;
        }

        /** The value for the date-time input: what was asked for, in the form the input understands. */
        public String fromInput() {
            return inputValue(from, false);
        }

        public String toInput() {
            return inputValue(to, true);
        }

        /** This search on {@code path}, at the page before {@code cursor} (the first page when null). */
        String link(String path, Long cursor, boolean withSize) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            param(b, "actor", actor);
            param(b, "entityType", entityType);
            param(b, "entityId", entityId);
            param(b, "action", action);
            param(b, "from", from);
            param(b, "to", to);
            if (withSize && present(size)) {
                b.queryParam("size", pageSize());
            }
            if (cursor != null) {
                b.queryParam("before", cursor);
            }
            return b.encode().build().toUriString();
        }

        private static void param(UriComponentsBuilder b, String name, String value) {
            if (present(value)) {
                b.queryParam(name, value.strip());
            }
        }

        private static String inputValue(String text, boolean endOfRange) {
            if (!present(text)) {
                return "";
            }
            try {
                return INPUT.format(time(text, endOfRange).atZone(ZONE).toLocalDateTime());
            } catch (DateTimeParseException e) {
                return ""; // the problem above the form says what is wrong
            }
        }
    }

    /** One row of the table: the event, and the member it concerns when there is a page to link to. */
    public record Row(AuditEntry entry, Long memberId) {

        static Row of(AuditEntry e) {
            boolean member = "member".equalsIgnoreCase(e.entityType()) && e.entityId() != null
                    && MEMBER_ID.matcher(e.entityId()).matches();
            return new Row(e, member ? Long.valueOf(e.entityId()) : null);
        }
    }

    /** The outcome of a verification as the page shows it (kept in the session across the redirect). */
    public record Verification(boolean intact, long checked, int problemCount, List<String> problems)
            implements Serializable {

        static Verification of(VerificationResult result) {
            List<String> all = result.problems();
            return new Verification(result.intact(), result.checked(), all.size(),
                    new ArrayList<>(all.subList(0, Math.min(all.size(), SHOWN_PROBLEMS))));
        }

        public int hidden() {
            return problemCount - problems.size();
        }
    }

    @GetMapping("/audit")
    String search(AuditFilter filter, Model model) {
        List<String> problems = new ArrayList<>();
        Optional<AuditQuery> query = query(filter, problems);
        List<Row> rows = List.of();
        Long next = null;
        if (query.isPresent()) {
            List<AuditEntry> found = trail.search(query.get());
            rows = found.stream().map(Row::of).toList();
            if (found.size() == query.get().effectiveLimit()) {
                next = found.get(found.size() - 1).seq();
            }
        }
        Long before = query.map(AuditQuery::beforeSeq).orElse(null);
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("rows", rows);
        model.addAttribute("pageSizes", pageSizes(filter.pageSize()));
        model.addAttribute("actions", KNOWN_ACTIONS);
        model.addAttribute("entityTypes", KNOWN_ENTITY_TYPES);
        model.addAttribute("nextLink", next == null ? null : filter.link("/audit", next, true));
        model.addAttribute("firstLink", present(filter.before()) ? filter.link("/audit", null, true) : null);
        model.addAttribute("exportLink", problems.isEmpty() ? filter.link("/audit/export.csv", null, false) : null);
        model.addAttribute("verifyLink", filter.link("/audit/verify", before, true));
        return "audit/list";
    }

    /**
     * Every event matching the filters (all pages, not only the one on screen), newest first, as CSV. The BOM
     * makes spreadsheet programs read it as UTF-8, so Kazakh and Russian names stay readable.
     */
    @GetMapping("/audit/export.csv")
    void export(AuditFilter filter, HttpServletResponse response) throws IOException {
        List<String> problems = new ArrayList<>();
        Optional<AuditQuery> query = query(filter, problems);
        if (query.isEmpty()) {
            response.sendRedirect(filter.link("/audit", null, true)); // the page says what to correct
            return;
        }
        AuditQuery all = new AuditQuery(filter.actor(), filter.entityType(), filter.entityId(), filter.action(),
                query.get().from(), query.get().to(), 0, null);
        String name = "qalqan-audit-" + FILE_STAMP.format(clock.instant().atZone(ZONE)) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        trail.exportCsv(all, out);
        out.flush();
    }

    /**
     * Checks the whole hash chain, on demand only. With htmx the result replaces its line on the page;
     * without, the browser is sent back to the same search, which shows the result once.
     */
    @PostMapping("/audit/verify")
    String verify(AuditFilter filter, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        Verification verification = Verification.of(trail.verify());
        if ("true".equals(htmx)) {
            model.addAttribute("verification", verification);
            return "audit/list :: verification";
        }
        redirect.addFlashAttribute("verification", verification);
        List<String> ignored = new ArrayList<>();
        Long before = query(filter, ignored).map(AuditQuery::beforeSeq).orElse(null);
        return "redirect:" + filter.link("/audit", before, true);
    }

    /** The usual sizes, and the one asked for when a link asked for another, so the choice shows what is used. */
    static List<Integer> pageSizes(int current) {
        return PAGE_SIZES.contains(current) ? PAGE_SIZES
                : Stream.concat(PAGE_SIZES.stream(), Stream.of(current)).sorted().toList();
    }

    private static Optional<AuditQuery> query(AuditFilter filter, List<String> problems) {
        Instant from = null;
        Instant to = null;
        Long before = null;
        try {
            from = present(filter.from()) ? time(filter.from(), false) : null;
        } catch (DateTimeParseException e) {
            problems.add("audit.filter.badFrom");
        }
        try {
            to = present(filter.to()) ? time(filter.to(), true) : null;
        } catch (DateTimeParseException e) {
            problems.add("audit.filter.badTo");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("audit.filter.badRange");
        }
        if (present(filter.before())) {
            try {
                before = Long.parseLong(filter.before().strip());
                if (before <= 0) {
                    problems.add("audit.filter.badCursor");
                }
            } catch (NumberFormatException e) {
                problems.add("audit.filter.badCursor");
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditQuery(filter.actor(), filter.entityType(), filter.entityId(), filter.action(), from,
                to, filter.pageSize(), before));
    }

    /**
     * A local time in Kazakhstan (through the tz database, so older events keep their offset), or an instant
     * with an offset. A day without a time starts at midnight, or, as the end of a range, ends at the next.
     */
    static Instant time(String text, boolean endOfRange) {
        String t = text.strip();
        if (t.matches(".*([zZ]|[+-]\\d\\d:\\d\\d)$") && t.contains("T")) {
            return OffsetDateTime.parse(t.replaceFirst("[zZ]$", "+00:00")).toInstant();
        }
        LocalDate day = null;
        LocalDateTime time = null;
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            day = LocalDate.parse(t);
        } else if (t.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
            time = LocalDateTime.parse(t.replace(' ', 'T').replaceFirst("T(\\d):", "T0$1:"));
        } else if (t.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
            day = LocalDate.parse(t, SHOWN_DATE);
        } else {
            time = LocalDateTime.parse(t.replaceAll("\\s+", " "), SHOWN_DATE_TIME);
        }
        if (day != null) {
            return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
        }
        return time.atZone(ZONE).toInstant();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
