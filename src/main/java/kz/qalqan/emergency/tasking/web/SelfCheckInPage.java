package kz.qalqan.emergency.tasking.web;

import kz.qalqan.emergency.tasking.Tasking;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's own check-in page for an emergency they are called up for: one big button to check in at the
 * staging point, one to check out. Works without JavaScript. Anyone not activated for the emergency gets 404.
 */
@Controller
class SelfCheckInPage {

    private final Tasking tasking;
    private final FormErrors formErrors;

    SelfCheckInPage(Tasking tasking, FormErrors formErrors) {
        this.tasking = tasking;
        this.formErrors = formErrors;
    }

    @GetMapping("/emergencies/{id}/checkin")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("me", tasking.self(id));
        return "emergency/tasking/checkin";
    }

    @PostMapping("/emergencies/{id}/checkin")
    String act(@PathVariable long id, @RequestParam(defaultValue = "in") String action,
               @RequestParam(required = false) String stagingPoint, RedirectAttributes redirect) {
        try {
            if (action.equals("out")) {
                tasking.checkOutSelf(id);
            } else {
                tasking.checkInSelf(id, stagingPoint);
            }
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("refused", e instanceof ConflictException c ? formErrors.text(c)
                    : String.join(" ", formErrors.of((InvalidInputException) e).values()));
        }
        return "redirect:/emergencies/" + id + "/checkin";
    }
}
