package kz.qalqan.medical.web;

import kz.qalqan.medical.ExamCommand;
import kz.qalqan.medical.ExamResult;
import kz.qalqan.medical.MedicalRecords;
import kz.qalqan.medical.ProfileCommand;
import kz.qalqan.medical.Restriction;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The medical panel of the member page: the class and dates for everyone who may read the member, the
 * confidential details only where {@link MedicalRecords} opens them, and the exam and profile forms for a
 * medical officer over the member. Loaded into the member page by htmx; the forms also work without it.
 */
@Controller
class MedicalPanelController {

    private final MedicalRecords records;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final FormErrors formErrors;

    MedicalPanelController(MedicalRecords records, MemberDirectory members, CurrentCaller caller, FormErrors formErrors) {
        this.records = records;
        this.members = members;
        this.caller = caller;
        this.formErrors = formErrors;
    }

    public record ExamForm(String examinedOn, String result, String unfitUntil, String diagnosis, String examiner) {
    }

    public record ProfileForm(List<String> restrictions, String maxLoadKg, String reason, String startsOn,
                              String endsOn) {
        public ProfileForm {
            restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        }

        public boolean has(Restriction restriction) {
            return restrictions.contains(restriction.name());
        }
    }

    @GetMapping("/members/{id}/medical")
    String panel(@PathVariable long id, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return render(id, model, new ExamForm(null, null, null, null, null),
                new ProfileForm(List.of(), null, null, null, null), Map.of(), null, htmx != null);
    }

    @PostMapping("/members/{id}/medical/exams")
    String exam(@PathVariable long id, @ModelAttribute ExamForm form, Principal principal, Model model,
                @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate examinedOn = date(form.examinedOn(), "examinedOn", errors);
        LocalDate unfitUntil = date(form.unfitUntil(), "unfitUntil", errors);
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(List.of());
            }
            records.recordExam(id, new ExamCommand(examinedOn, form.result(), unfitUntil, form.diagnosis(), form.examiner()),
                    principal.getName());
        } catch (InvalidInputException e) {
            formErrors.of(e).forEach(errors::putIfAbsent);
            return render(id, model, form, new ProfileForm(List.of(), null, null, null, null), errors, null, htmx != null);
        }
        return saved(id, model, formErrors.text("medical.saved.exam"), htmx);
    }

    @PostMapping("/members/{id}/medical/profiles")
    String profile(@PathVariable long id, @ModelAttribute ProfileForm form, Principal principal, Model model,
                   @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate startsOn = date(form.startsOn(), "startsOn", errors);
        LocalDate endsOn = date(form.endsOn(), "endsOn", errors);
        Integer maxLoad = null;
        if (form.maxLoadKg() != null && !form.maxLoadKg().isBlank()) {
            try {
                maxLoad = Integer.valueOf(form.maxLoadKg().trim());
            } catch (NumberFormatException e) {
                errors.put("maxLoadKg", formErrors.text("medical.form.number"));
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(List.of());
            }
            records.recordProfile(id, new ProfileCommand(form.restrictions(), maxLoad, form.reason(), startsOn, endsOn),
                    principal.getName());
        } catch (InvalidInputException e) {
            formErrors.of(e).forEach(errors::putIfAbsent);
            return render(id, model, new ExamForm(null, null, null, null, null), form, errors, null, htmx != null);
        }
        return saved(id, model, formErrors.text("medical.saved.profile"), htmx);
    }

    private String saved(long id, Model model, String notice, String htmx) {
        if (htmx == null) {
            return "redirect:/members/" + id + "#medical";
        }
        return render(id, model, new ExamForm(null, null, null, null, null),
                new ProfileForm(List.of(), null, null, null, null), Map.of(), notice, true);
    }

    private String render(long id, Model model, ExamForm exam, ProfileForm profile, Map<String, String> errors,
                          String notice, boolean fragment) {
        Member member = members.find(id);
        model.addAttribute("member", member);
        model.addAttribute("medical", records.status(id, null));
        model.addAttribute("mayRecord", caller.get().scopeFor(Role.MEDICAL_OFFICER).covers(member.orgPath()));
        model.addAttribute("examForm", exam);
        model.addAttribute("profileForm", profile);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("results", ExamResult.values());
        model.addAttribute("restrictions", Restriction.values());
        return fragment ? "medical/panel :: panel" : "medical/page";
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, formErrors.text("medical.error.date"));
            return null;
        }
    }
}
