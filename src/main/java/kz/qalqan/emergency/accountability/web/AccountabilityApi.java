package kz.qalqan.emergency.accountability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.accountability.Accountability;
import kz.qalqan.emergency.accountability.AccountabilityEntry;
import kz.qalqan.emergency.accountability.AssistanceCase;
import kz.qalqan.emergency.accountability.CaseUpdate;
import kz.qalqan.emergency.accountability.RollUp;
import kz.qalqan.emergency.accountability.StatusReport;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.Enqueued;
import kz.qalqan.platform.ListLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/emergencies/{id}/accountability")
@Tag(name = "Accountability", description = "Who in an emergency's area is safe, needs help, is injured or missing")
class AccountabilityApi {

    private final Accountability accountability;

    AccountabilityApi(Accountability accountability) {
        this.accountability = accountability;
    }

    /** The channels to ask on, in order (default SMS, then e-mail). */
    record AskRequest(List<Channel> channels) {
    }

    @GetMapping
    @Operation(summary = "Roll-up in the caller's subtree: by status, region and unit, time to 90 %, the unaccounted with contacts, cases")
    RollUp rollUp(@PathVariable long id) {
        return accountability.rollUp(id);
    }

    @PostMapping("/me")
    @Operation(summary = "The signed-in member reports their own status (SAFE, NEEDS_ASSISTANCE, INJURED)")
    AccountabilityEntry me(@PathVariable long id, @RequestBody StatusReport report) {
        return accountability.reportSelf(id, report);
    }

    @PostMapping("/ask")
    @Operation(summary = "Ask everyone still unknown how they are: a message with a one-tap status link (coordinators)")
    Enqueued ask(@PathVariable long id, @RequestBody(required = false) AskRequest request) {
        ListLimit.require("channels", request == null ? null : request.channels(), Channel.values().length);
        return accountability.askEveryone(id, request == null ? null : request.channels());
    }

    @GetMapping("/cases")
    @Operation(summary = "Assistance cases in the caller's subtree, open ones first")
    List<AssistanceCase> cases(@PathVariable long id) {
        return accountability.cases(id);
    }

    @PostMapping("/cases/{caseId}")
    @Operation(summary = "Assign, start or close (with an outcome) an assistance case (coordinators, commanders over the member)")
    AssistanceCase updateCase(@PathVariable long id, @PathVariable long caseId, @RequestBody CaseUpdate update) {
        return accountability.updateCase(id, caseId, update);
    }

    @GetMapping("/{memberId}")
    @Operation(summary = "One member's current status and every report about them")
    Map<String, Object> member(@PathVariable long id, @PathVariable long memberId) {
        return accountability.member(id, memberId);
    }

    @PostMapping("/{memberId}")
    @Operation(summary = "Report a member's status on their behalf (coordinators, commanders over the member); MISSING only here")
    AccountabilityEntry onBehalf(@PathVariable long id, @PathVariable long memberId, @RequestBody StatusReport report) {
        return accountability.reportOnBehalf(id, memberId, report);
    }
}
