package kz.qalqan.emergency.accountability.web;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.accountability.Accountability;
import kz.qalqan.emergency.accountability.AccountabilityStatus;
import kz.qalqan.emergency.accountability.AssistanceCase;
import kz.qalqan.emergency.accountability.CaseUpdate;
import kz.qalqan.emergency.accountability.RollUp;
import kz.qalqan.emergency.accountability.StatusReport;
import kz.qalqan.emergency.accountability.internal.AccountabilityStream;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The accountability board of one emergency for the operations room: counters with a progress bar, a map of the
 * area with members by status, the roll-up by region and unit, the unaccounted with contacts and the assistance
 * cases; live through server-sent events (the stream says "changed", the page fetches the live part again).
 */
@Controller
class AccountabilityBoard {

    private final Accountability accountability;
    private final Emergencies emergencies;
    private final AccountabilityStream stream;
    private final CurrentCaller caller;
    private final JsonMapper json;
    private final FormErrors formErrors;

    AccountabilityBoard(Accountability accountability, Emergencies emergencies, AccountabilityStream stream,
                        CurrentCaller caller, JsonMapper json, FormErrors formErrors) {
        this.formErrors = formErrors;
        this.accountability = accountability;
        this.emergencies = emergencies;
        this.stream = stream;
        this.caller = caller;
        this.json = json;
    }

    @GetMapping("/emergencies/{id}/accountability")
    String board(@PathVariable long id, Model model, Locale locale) {
        Emergency emergency = emergencies.find(id);
        model.addAttribute("emergency", emergency);
        model.addAttribute("mayManage", emergencies.mayManage(emergency));
        model.addAttribute("mayReport", !caller.get().scopeFor(Accountability.STAFF).isNothing());
        model.addAttribute("areaJson", json.writeValueAsString(emergency.area()));
        model.addAttribute("statuses", List.of(AccountabilityStatus.SAFE, AccountabilityStatus.NEEDS_ASSISTANCE,
                AccountabilityStatus.INJURED, AccountabilityStatus.MISSING));
        live(model, id, locale);
        return "emergency/accountability/board";
    }

    @GetMapping("/emergencies/{id}/accountability/live")
    String liveFragment(@PathVariable long id, Model model, Locale locale) {
        Emergency emergency = emergencies.find(id);
        model.addAttribute("emergency", emergency);
        model.addAttribute("mayReport", !caller.get().scopeFor(Accountability.STAFF).isNothing());
        live(model, id, locale);
        return "emergency/accountability/board :: live";
    }

    private void live(Model model, long id, Locale locale) {
        RollUp rollUp = accountability.rollUp(id);
        model.addAttribute("r", rollUp);
        model.addAttribute("lang", locale.getLanguage());
        Map<String, Object> points = new LinkedHashMap<>();
        points.put("points", rollUp.points().stream().map(p -> List.of(p.lat(), p.lon(), p.status().name())).toList());
        points.put("omitted", rollUp.pointsOmitted());
        model.addAttribute("pointsJson", json.writeValueAsString(points));
    }

    @GetMapping("/emergencies/{id}/accountability/stream")
    SseEmitter stream(@PathVariable long id, @RequestParam(defaultValue = "false") boolean once) {
        emergencies.find(id); // 404 unless the caller watches it
        long seq = accountability.seq(id);
        return once ? stream.once(seq) : stream.open(id, seq);
    }

    @PostMapping("/emergencies/{id}/accountability/ask")
    String ask(@PathVariable long id, RedirectAttributes redirect) {
        var enqueued = accountability.askEveryone(id, null);
        redirect.addFlashAttribute("asked", enqueued);
        return "redirect:/emergencies/" + id + "/accountability";
    }

    @PostMapping("/emergencies/{id}/accountability/report")
    String report(@PathVariable long id, @RequestParam(required = false) Long memberId,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            if (memberId == null) {
                throw InvalidInputException.coded("memberId", "accountability.report.memberRequired");
            }
            accountability.reportOnBehalf(id, memberId, new StatusReport(AccountabilityStatus.parse(status).orElse(null), note));
            redirect.addFlashAttribute("done", "report");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", String.join(" ", formErrors.of(e).values()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", formErrors.text(e));
        }
        return "redirect:/emergencies/" + id + "/accountability";
    }

    @PostMapping("/emergencies/{id}/accountability/cases/{caseId}")
    String updateCase(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String assignedTo, @RequestParam(required = false) String outcome,
                      RedirectAttributes redirect) {
        AssistanceCase.CaseStatus next = null;
        if (status != null && !status.isBlank()) {
            try {
                next = AssistanceCase.CaseStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("problem", formErrors.text("accountability.case.statusUnknown"));
                return "redirect:/emergencies/" + id + "/accountability";
            }
        }
        try {
            accountability.updateCase(id, caseId, new CaseUpdate(next, assignedTo, outcome));
            redirect.addFlashAttribute("done", "case");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", String.join(" ", formErrors.of(e).values()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", formErrors.text(e));
        }
        return "redirect:/emergencies/" + id + "/accountability";
    }
}
