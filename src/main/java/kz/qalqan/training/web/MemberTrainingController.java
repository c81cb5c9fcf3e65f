package kz.qalqan.training.web;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.training.AwardCommand;
import kz.qalqan.training.LoadReport;
import kz.qalqan.training.Qualifications;
import kz.qalqan.training.TrainingLoads;
import kz.qalqan.training.WorkloadRatio;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The member page's training panel (loaded by htmx): qualifications with expiry, the award form, load and ACWR. */
@Controller
class MemberTrainingController {

    private final Qualifications qualifications;
    private final TrainingLoads loads;
    private final TrainingNames names;

    MemberTrainingController(Qualifications qualifications, TrainingLoads loads, TrainingNames names) {
        this.qualifications = qualifications;
        this.loads = loads;
        this.names = names;
    }

    @GetMapping("/members/{id}/training")
    String panel(@PathVariable long id, Model model) {
        LoadReport load = loads.report(id, 28, WorkloadRatio.Method.EWMA);
        model.addAttribute("memberId", id);
        model.addAttribute("held", qualifications.of(id));
        model.addAttribute("catalogue", qualifications.catalogue());
        model.addAttribute("load", load);
        model.addAttribute("recentLoad", load.days().stream().mapToLong(WorkloadRatio.Day::load).sum());
        model.addAttribute("today", LocalDate.now(Qualifications.KAZAKHSTAN));
        return "training/panel :: panel";
    }

    /** The award form; from htmx the panel comes back with the outcome, without JavaScript the member page. */
    @PostMapping("/members/{id}/training/award")
    String award(@PathVariable long id, @RequestParam(required = false) String code,
                 @RequestParam(required = false) String awardedOn, @RequestParam(required = false) String evidence,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 Principal principal, Model model, RedirectAttributes redirect) {
        String problem = null;
        try {
            LocalDate on = awardedOn == null || awardedOn.isBlank() ? null : LocalDate.parse(awardedOn.trim());
            qualifications.award(id, new AwardCommand(code, on, null, evidence, null), principal.getName());
        } catch (DateTimeParseException e) {
            problem = names.text(FieldProblem.of("awardedOn", "training.award.dateUnreadable"));
        } catch (ForbiddenException e) {
            problem = names.text(e);
        } catch (InvalidInputException e) {
            problem = names.texts(e);
        }
        if (htmx != null) {
            model.addAttribute("awarded", problem == null);
            model.addAttribute("awardProblem", problem);
            return panel(id, model);
        }
        return "redirect:/members/" + id;
    }
}
