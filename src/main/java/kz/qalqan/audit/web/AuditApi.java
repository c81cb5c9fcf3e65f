package kz.qalqan.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The audit trail for auditors. The security configuration admits only ADMIN and AUDITOR to {@code /api/audit/**}. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who wrote or read what, when, in which role and why")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    /** One page, newest first; {@code next} is the {@code before} of the following page, null after a short page. */
    record AuditPage(List<AuditEntry> items, Long next) {
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first (keyset pagination: pass `next` as `before`)")
    AuditPage search(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                     @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                     @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                     @RequestParam(defaultValue = "0") int limit, @RequestParam(required = false) Long before) {
        AuditQuery query = new AuditQuery(actor, entityType, entityId, action, from, to, limit, before);
        List<AuditEntry> items = trail.search(query);
        Long next = items.size() == query.effectiveLimit() ? items.get(items.size() - 1).seq() : null;
        return new AuditPage(items, next);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every matching event as CSV, newest first (same filters as the search; no limit)")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                @RequestParam(required = false) Long before, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        Writer out = response.getWriter();
        trail.exportCsv(new AuditQuery(actor, entityType, entityId, action, from, to, 0, before), out);
        out.flush();
    }
}
