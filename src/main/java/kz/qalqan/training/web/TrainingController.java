package kz.qalqan.training.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.platform.Coded;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.csv.CsvWriter;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;
import kz.qalqan.training.AttendanceCommand;
import kz.qalqan.training.AttendanceOutcome;
import kz.qalqan.training.CalendarFeeds;
import kz.qalqan.training.CalendarLink;
import kz.qalqan.training.EventCommand;
import kz.qalqan.training.EventSearch;
import kz.qalqan.training.EventStatus;
import kz.qalqan.training.FlagsNeedConfirmationException;
import kz.qalqan.training.ExpiringQualification;
import kz.qalqan.training.ExpiringQualifications;
import kz.qalqan.training.Qualifications;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * The training calendar, event pages and forms, expiring-qualification lists and calendar subscription links.
 * Refusals of the training rules are shown in the page's language from their codes ({@link TrainingNames}); the
 * event page asks safety's risk flags itself from the template (safety depends on training, not the reverse).
 */
@Controller
class TrainingController {

    private static final Set<String> FORM_FIELDS = Set.of("unitId", "title", "activityType", "intensity", "startsAt",
            "endsAt", "regionCode", "lat", "lon", "placeName", "instructorId", "capacity", "awards");

    private final TrainingEvents events;
    private final ExpiringQualifications expiring;
    private final CalendarFeeds feeds;
    private final Qualifications qualifications;
    private final OrgStructure org;
    private final TrainingNames names;

    TrainingController(TrainingEvents events, ExpiringQualifications expiring, CalendarFeeds feeds,
                       Qualifications qualifications, OrgStructure org, TrainingNames names) {
        this.names = names;
        this.events = events;
        this.expiring = expiring;
        this.feeds = feeds;
        this.qualifications = qualifications;
        this.org = org;
    }

    /** Calendar filters as in the URL. {@code period} is week or month; {@code from} any day in it. */
    public record CalendarFilter(String unit, String sub, String period, String from, String status) {

        public boolean includeSubunits() {
            return sub == null || !Set.of("false", "0", "no", "off").contains(sub.trim().toLowerCase(Locale.ROOT));
        }

        public boolean month() {
            return "month".equalsIgnoreCase(period);
        }

        public String link(LocalDate day) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/training");
            if (unit != null && !unit.isBlank()) {
                b.queryParam("unit", unit.trim());
                if (!includeSubunits()) {
                    b.queryParam("sub", "false");
                }
            }
            b.queryParam("period", month() ? "month" : "week");
            b.queryParam("from", day.toString());
            if (status != null && !status.isBlank()) {
                b.queryParam("status", status.trim());
            }
            return b.encode().build().toUriString();
        }
    }

    @GetMapping("/training")
    String calendar(CalendarFilter filter, Model model) {
        LocalDate today = LocalDate.now(Qualifications.KAZAKHSTAN);
        LocalDate anchor = today;
        boolean badDate = false;
        if (filter.from() != null && !filter.from().isBlank()) {
            try {
                anchor = LocalDate.parse(filter.from().trim());
            } catch (DateTimeParseException e) {
                badDate = true;
            }
        }
        LocalDate start = filter.month() ? anchor.withDayOfMonth(1) : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = filter.month() ? start.plusMonths(1) : start.plusWeeks(1);
        Unit unit = null;
        boolean unknownUnit = false;
        if (filter.unit() != null && !filter.unit().isBlank()) {
            unit = findUnit(filter.unit().trim());
            unknownUnit = unit == null;
        }
        EventStatus status = null;
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                status = EventStatus.valueOf(filter.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        List<TrainingEvent> list = unknownUnit ? List.of() : events.search(new EventSearch(unit == null ? null : unit.id(),
                filter.includeSubunits(), start.atStartOfDay(Qualifications.KAZAKHSTAN).toInstant(),
                end.atStartOfDay(Qualifications.KAZAKHSTAN).toInstant(), status));
        model.addAttribute("filter", filter);
        model.addAttribute("unit", unit);
        model.addAttribute("unknownUnit", unknownUnit);
        model.addAttribute("badDate", badDate);
        model.addAttribute("events", list);
        model.addAttribute("start", start);
        model.addAttribute("last", end.minusDays(1));
        model.addAttribute("previousLink", filter.link(filter.month() ? start.minusMonths(1) : start.minusWeeks(1)));
        model.addAttribute("nextLink", filter.link(end));
        model.addAttribute("statuses", EventStatus.values());
        model.addAttribute("links", feeds.myLinks());
        return "training/calendar";
    }

    @GetMapping("/training/events/new")
    String newEvent(@RequestParam(required = false) String unit, Model model) {
        TrainingEventForm form = new TrainingEventForm();
        if (unit != null) {
            Unit u = findUnit(unit.trim());
            if (u != null) {
                form.setUnitId(Long.toString(u.id()));
                form.setRegionCode(u.regionCode());
            }
        }
        return form(model, form, null);
    }

    @PostMapping("/training/events")
    String create(@ModelAttribute("form") TrainingEventForm form, BindingResult binding, Principal principal,
                  Model model, RedirectAttributes redirect) {
        EventCommand command = form.toCommand(binding);
        if (binding.hasErrors()) {
            reject(binding, events.problems(command));
            return form(model, form, null);
        }
        try {
            TrainingEvent saved = events.create(command, principal.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/training/events/" + saved.id();
        } catch (InvalidInputException e) {
            reject(binding, e.problems());
        } catch (ForbiddenException e) {
            binding.rejectValue("unitId", e.code(), names.args(e), names.text(e));
        }
        return form(model, form, null);
    }

    @GetMapping("/training/events/{id}")
    String event(@PathVariable long id, Model model) {
        TrainingEvent event = events.find(id);
        model.addAttribute("event", event);
        model.addAttribute("enrolments", events.enrolments(id));
        model.addAttribute("canChange", events.canChange(event));
        model.addAttribute("catalogue", qualifications.catalogue());
        return "training/event";
    }

    @GetMapping("/training/events/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TrainingEvent event = events.find(id);
        return form(model, TrainingEventForm.of(event), event);
    }

    @PostMapping("/training/events/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TrainingEventForm form, BindingResult binding,
                  Principal principal, Model model, RedirectAttributes redirect) {
        TrainingEvent current = events.find(id);
        EventCommand command = form.toCommand(binding);
        if (binding.hasErrors()) {
            reject(binding, events.problems(command));
            return form(model, form, current);
        }
        try {
            events.update(id, command, principal.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/training/events/" + id;
        } catch (InvalidInputException e) {
            reject(binding, e.problems());
        } catch (ConflictException e) {
            binding.reject(e.code(), names.args(e), names.text(e));
        } catch (ForbiddenException e) {
            binding.rejectValue("unitId", e.code(), names.args(e), names.text(e));
        }
        return form(model, form, current);
    }

    @PostMapping("/training/events/{id}/status")
    String status(@PathVariable long id, @RequestParam String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "start" -> events.start(id);
                case "complete" -> events.complete(id);
                case "cancel" -> events.cancel(id);
                default -> throw new NotFoundException("no action " + action);
            }
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", names.text((Coded) e));
        }
        return "redirect:/training/events/" + id;
    }

    @PostMapping("/training/events/{id}/enrol")
    String enrol(@PathVariable long id, @RequestParam(required = false) String memberId,
                 @RequestParam(defaultValue = "false") boolean confirmFlags, Principal principal,
                 RedirectAttributes redirect) {
        try {
            events.enrol(id, Long.parseLong(memberId == null ? "" : memberId.trim()), confirmFlags, principal.getName());
            redirect.addFlashAttribute("enrolled", true);
        } catch (NumberFormatException | kz.qalqan.registry.MemberNotFoundException e) {
            redirect.addFlashAttribute("problemKey", "training.error.noMember");
        } catch (FlagsNeedConfirmationException e) {
            // the confirmation step: the flags in the user's language, and a form that repeats the enrolment confirmed
            redirect.addFlashAttribute("confirmMember", Long.parseLong(memberId.trim()));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", names.text((Coded) e));
        }
        return "redirect:/training/events/" + id;
    }

    @PostMapping("/training/events/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam long memberId, @RequestParam(required = false) String attendance,
                      @RequestParam(required = false) String durationMinutes, @RequestParam(required = false) String sessionRpe,
                      @RequestParam(required = false) String result, Principal principal, RedirectAttributes redirect) {
        try {
            AttendanceOutcome outcome = events.recordAttendance(id, memberId, new AttendanceCommand(attendance,
                    integer(durationMinutes), integer(sessionRpe), result), principal.getName());
            redirect.addFlashAttribute("outcome", outcome);
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("problemKey", "training.error.number");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", names.texts(e));
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("problem", names.text((Coded) e));
        }
        return "redirect:/training/events/" + id;
    }

    @GetMapping("/training/expiring")
    String expiring(@RequestParam(required = false) String unit, @RequestParam(defaultValue = "30") String days,
                    @RequestParam(required = false) String sub, Model model) {
        Unit u = unit == null || unit.isBlank() ? null : findUnit(unit.trim());
        int window = ExpiringQualifications.WINDOWS.contains(parseOr(days, 30)) ? parseOr(days, 30) : 30;
        boolean withSub = sub == null || !"false".equalsIgnoreCase(sub.trim());
        model.addAttribute("unitText", unit);
        model.addAttribute("unit", u);
        model.addAttribute("unknownUnit", unit != null && !unit.isBlank() && u == null);
        model.addAttribute("days", window);
        model.addAttribute("sub", withSub);
        model.addAttribute("rows", u == null ? List.of() : expiring.of(u.id(), withSub, window));
        model.addAttribute("csvLink", u == null ? null : UriComponentsBuilder.fromPath("/training/expiring.csv")
                .queryParam("unit", u.id()).queryParam("days", window).queryParam("sub", withSub).build().toUriString());
        return "training/expiring";
    }

    /** Exactly the rows of the page with the same filters. */
    @GetMapping("/training/expiring.csv")
    void expiringCsv(@RequestParam String unit, @RequestParam(defaultValue = "30") String days,
                     @RequestParam(required = false) String sub, HttpServletResponse response) throws IOException {
        Unit u = findUnit(unit.trim());
        if (u == null) {
            throw new NotFoundException("No unit " + unit);
        }
        int window = ExpiringQualifications.WINDOWS.contains(parseOr(days, 30)) ? parseOr(days, 30) : 30;
        boolean withSub = sub == null || !"false".equalsIgnoreCase(sub.trim());
        List<ExpiringQualification> rows = expiring.of(u.id(), withSub, window);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"qalqan-expiring-" + u.code() + "-" + window + ".csv\"");
        CsvWriter csv = new CsvWriter(response.getWriter());
        csv.row("member_id", "last_name", "first_name", "middle_name", "unit", "qualification", "awarded_on",
                "last_valid_day", "days_left");
        for (ExpiringQualification r : rows) {
            csv.row(Long.toString(r.memberId()), r.lastName(), r.firstName(), r.middleName(), r.unitCode(), r.code(),
                    r.awardedOn().toString(), r.lastValidDay().toString(), Long.toString(r.daysLeft()));
        }
        csv.flush();
    }

    @PostMapping("/training/calendar-links")
    String createLink(@RequestParam String kind, @RequestParam String targetId, RedirectAttributes redirect) {
        try {
            CalendarLink link = feeds.createLink(CalendarLink.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT)),
                    Long.parseLong(targetId.trim()));
            redirect.addFlashAttribute("newLink", link);
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("problemKey", "training.error.linkTarget");
        }
        return "redirect:/training";
    }

    @PostMapping("/training/calendar-links/{id}/revoke")
    String revokeLink(@PathVariable long id) {
        feeds.revoke(id);
        return "redirect:/training";
    }

    private String form(Model model, TrainingEventForm form, TrainingEvent existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("regions", org.regions());
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("intensities", WorkIntensity.values());
        model.addAttribute("catalogue", qualifications.catalogue());
        return "training/form";
    }

    /** Each problem under its form field (the rest above the form), said in the page's language from its code. */
    private void reject(BindingResult binding, List<FieldProblem> problems) {
        for (FieldProblem p : problems) {
            String code = p.code() == null ? "platform.form.invalid" : p.code();
            if (p.field() != null && FORM_FIELDS.contains(p.field())) {
                if (!binding.hasFieldErrors(p.field())) {
                    binding.rejectValue(p.field(), code, names.args(p), names.text(p));
                }
            } else {
                binding.reject(code, names.args(p), names.text(p));
            }
        }
    }

    private Unit findUnit(String idOrCode) {
        try {
            if (idOrCode.chars().allMatch(Character::isDigit) && idOrCode.length() < 19) {
                return org.unit(Long.parseLong(idOrCode));
            }
            return org.unitByCode(idOrCode).orElse(null);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
