package kz.qalqan.safety.web;

import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.safety.RiskFlags;
import kz.qalqan.shared.ActivityType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The member page's risk-flag panel, loaded by htmx; an activity type narrows the flags to that activity. */
@Controller
class MemberRiskFlagController {

    private final RiskFlags flags;

    MemberRiskFlagController(RiskFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/members/{id}/risk-flags")
    String panel(@PathVariable long id, @RequestParam(required = false) String activityType, Model model) {
        ActivityType activity = null;
        if (activityType != null && !activityType.isBlank()) {
            activity = ActivityType.parse(activityType)
                    .orElseThrow(() -> InvalidInputException.coded("activityType", "safety.activityType.unknown"));
        }
        model.addAttribute("memberId", id);
        model.addAttribute("flags", flags.forMember(id, activity));
        model.addAttribute("activityTypes", ActivityType.values());
        return "safety/flags :: panel";
    }
}
