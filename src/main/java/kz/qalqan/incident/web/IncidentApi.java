package kz.qalqan.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.incident.ActionCommand;
import kz.qalqan.incident.IncidentKind;
import kz.qalqan.incident.IncidentSearch;
import kz.qalqan.incident.IncidentStatus;
import kz.qalqan.incident.IncidentSummary;
import kz.qalqan.incident.IncidentView;
import kz.qalqan.incident.Incidents;
import kz.qalqan.incident.ReportCommand;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Incident reports and their investigation workflow")
class IncidentApi {

    /** The review that closes an incident. */
    record CloseCommand(String review) {
    }

    private final Incidents incidents;

    IncidentApi(Incidents incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Report an incident (anyone signed in; near misses may be anonymous)",
            description = "Required: kind, occurredAt, description and where (unitId or unitCode, regionCode, place or "
                    + "lat/lon). With anonymous=true (near misses only) the reporter is not stored.")
    ResponseEntity<IncidentView> report(@RequestBody ReportCommand command) {
        IncidentView view = incidents.report(command);
        return ResponseEntity.created(URI.create("/api/incidents/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "Incidents the caller may see, newest first (after = the last id of the previous page)")
    List<IncidentSummary> search(@RequestParam(required = false) IncidentStatus status,
                                 @RequestParam(required = false) IncidentKind kind,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Long after,
                                 @RequestParam(defaultValue = "50") int limit) {
        return incidents.search(new IncidentSearch(status, kind, from, to, after, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An incident; injury details only for medical officers in scope and the injured member")
    IncidentView find(@PathVariable long id) {
        return incidents.find(id);
    }

    @PostMapping("/{id}/investigation")
    @Operation(summary = "Start the investigation (COMMANDER, SAFETY_OFFICER or ADMIN over the incident)")
    IncidentView investigate(@PathVariable long id, Principal principal) {
        return incidents.startInvestigation(id, principal.getName());
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "Add a corrective action with owner and due date")
    ResponseEntity<IncidentView> action(@PathVariable long id, @RequestBody ActionCommand command, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.addAction(id, command, principal.getName()));
    }

    @PostMapping("/{id}/actions/{actionId}/done")
    @Operation(summary = "Mark a corrective action done")
    IncidentView done(@PathVariable long id, @PathVariable long actionId, Principal principal) {
        return incidents.completeAction(id, actionId, principal.getName());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the incident with a review, once every corrective action is done")
    IncidentView close(@PathVariable long id, @RequestBody CloseCommand command, Principal principal) {
        return incidents.close(id, command.review(), principal.getName());
    }
}
