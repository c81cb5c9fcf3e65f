package kz.qalqan.safety.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.safety.MemberRiskFlags;
import kz.qalqan.safety.RiskFlags;
import kz.qalqan.shared.ActivityType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Risk flags", description = "Individual risk flags of members for an activity (readers in scope; audited)")
class RiskFlagApi {

    private final RiskFlags flags;

    RiskFlagApi(RiskFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/api/members/{id}/risk-flags")
    @Operation(summary = "A member's risk flags today, for an activity type if given (the restriction name for medical roles only)")
    MemberRiskFlags member(@PathVariable long id, @RequestParam(required = false) String activityType) {
        ActivityType activity = null;
        if (activityType != null && !activityType.isBlank()) {
            activity = ActivityType.parse(activityType).orElseThrow(() -> InvalidInputException.coded("activityType", "safety.activityType.unknown"));
        }
        return flags.forMember(id, activity);
    }

    @GetMapping("/api/training/events/{id}/risk-flags")
    @Operation(summary = "Risk flags of the members enrolled in a training event, for its activity type and days")
    List<MemberRiskFlags> event(@PathVariable long id) {
        return List.copyOf(flags.forEvent(id).values());
    }
}
