package kz.qalqan.emergency.web;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.District;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.shared.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The coordinator's emergency pages: the list (and a member's own activations), the declare form with its map, the
 * overview of one emergency with its status actions, and the revise form. Every rule lives in {@link Emergencies};
 * the pages turn its field problems into messages in the reader's language.
 */
@Controller
class EmergencyPages {

    private final Emergencies emergencies;
    private final OwnActivations activations;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final JsonMapper json;

    EmergencyPages(Emergencies emergencies, OwnActivations activations, OrgStructure org, CurrentCaller caller,
                   AuditTrail audit, JsonMapper json) {
        this.emergencies = emergencies;
        this.activations = activations;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
    }

    /** A region with its districts, for the district select's groups. */
    public record RegionDistricts(Region region, List<District> districts) {
    }

    @GetMapping("/emergencies")
    @Transactional
    String list(Model model) {
        Caller me = caller.get();
        boolean watcher = !me.scopeFor(Emergencies.WATCHERS).isNothing();
        List<Emergency> all = watcher ? emergencies.list(false) : List.of();
        model.addAttribute("watcher", watcher);
        model.addAttribute("coordinator", !me.scopeFor(Emergencies.COORDINATORS).isNothing());
        model.addAttribute("open", all.stream().filter(e -> e.status().isOpen()).toList());
        model.addAttribute("recent", all.stream().filter(e -> !e.status().isOpen()).limit(20).toList());
        if (me.memberId() != null) {
            var own = activations.of(me.memberId());
            // the member's own path, as their activations carry it (none: they read nothing of anyone's)
            audit.record("EMERGENCY_ACTIVATION_READ", "member", Long.toString(me.memberId()),
                    kz.qalqan.shared.Scope.commonPath(own.stream().map(OwnActivations.OwnActivation::orgPath).toList()), null,
                    "own activations: " + own.size());
            model.addAttribute("activations", own);
        } else {
            model.addAttribute("activations", List.of());
        }
        model.addAttribute("member", me.memberId() != null);
        return "emergency/list";
    }

    @GetMapping("/emergencies/new")
    String form(Model model) {
        requireCoordinator();
        return showForm(EmergencyForm.blank(), Map.of(), null, model);
    }

    @PostMapping("/emergencies")
    String declare(@ModelAttribute EmergencyForm form, Model model) {
        requireCoordinator();
        Map<String, String> errors = new LinkedHashMap<>();
        DeclareEmergency command = form.command(errors);
        if (!errors.isEmpty()) {
            return showForm(form, errors, null, model);
        }
        try {
            Emergency declared = emergencies.declare(command);
            return "redirect:/emergencies/" + declared.id();
        } catch (InvalidInputException e) {
            problems(e, errors);
        } catch (ForbiddenException e) {
            errors.put("area", "emergency.error.outOfScope");
        }
        return showForm(form, errors, null, model);
    }

    @GetMapping("/emergencies/{id}")
    String overview(@PathVariable long id, Model model) {
        Emergency emergency = emergencies.find(id);
        boolean manager = emergencies.mayManage(emergency);
        model.addAttribute("emergency", emergency);
        model.addAttribute("manager", manager);
        model.addAttribute("nextStatuses", manager
                ? Arrays.stream(EmergencyStatus.values()).filter(emergency.status()::mayBecome).toList() : List.of());
        model.addAttribute("areaJson", json.writeValueAsString(emergency.area()));
        return "emergency/overview";
    }

    @GetMapping("/emergencies/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Emergency emergency = emergencies.managed(id);
        return showForm(EmergencyForm.of(emergency), Map.of(), emergency, model);
    }

    @PostMapping("/emergencies/{id}/edit")
    String revise(@PathVariable long id, @ModelAttribute EmergencyForm form, Model model, RedirectAttributes redirect) {
        Emergency emergency = emergencies.managed(id);
        Map<String, String> errors = new LinkedHashMap<>();
        DeclareEmergency command = form.command(errors);
        if (errors.isEmpty()) {
            try {
                emergencies.revise(id, command);
                redirect.addFlashAttribute("saved", "emergency.saved.revised");
                return "redirect:/emergencies/" + id;
            } catch (InvalidInputException e) {
                problems(e, errors);
            } catch (ForbiddenException e) {
                errors.put("area", "emergency.error.outOfScope");
            } catch (ConflictException e) {
                errors.put("general", "emergency.rejected.notOpen");
            }
        }
        return showForm(form, errors, emergency, model);
    }

    @PostMapping("/emergencies/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        EmergencyStatus next = null;
        try {
            next = status == null ? null : EmergencyStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // answered below as a missing choice
        }
        try {
            emergencies.changeStatus(id, next, reason);
            redirect.addFlashAttribute("saved", "emergency.saved.status");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("rejected", "emergency.rejected.status");
        } catch (InvalidInputException e) {
            boolean reasonProblem = e.problems().stream().anyMatch(p -> "reason".equals(p.field()));
            redirect.addFlashAttribute("rejected", reasonProblem ? "emergency.error.reason" : "emergency.error.status");
        }
        return "redirect:/emergencies/" + id;
    }

    /** The service's field problems, each under the form field it concerns, said by a message of this bundle. */
    private static void problems(InvalidInputException e, Map<String, String> errors) {
        for (FieldProblem p : e.problems()) {
            String field = p.field() == null ? "general" : p.field();
            String formField = field.startsWith("area.polygons") ? "polygon"
                    : field.startsWith("area.circles") ? "circleRadiusKm"
                    : field.equals("area.regionCodes") ? "regionCodes"
                    : field.equals("area.districtIds") ? "districtId"
                    : List.of("title", "type", "severity", "description", "area").contains(field) ? field : "general";
            errors.putIfAbsent(formField, "emergency.error." + formField);
        }
    }

    private void requireCoordinator() {
        if (caller.get().scopeFor(Emergencies.COORDINATORS).isNothing()) {
            throw new ForbiddenException("Only emergency coordinators declare emergencies");
        }
    }

    private String showForm(EmergencyForm form, Map<String, String> errors, Emergency existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("types", EmergencyType.values());
        model.addAttribute("severities", Severity.values());
        List<Region> regions = org.regions();
        model.addAttribute("regions", regions);
        model.addAttribute("districtGroups", regions.stream()
                .map(r -> new RegionDistricts(r, org.districts(r.code()))).filter(g -> !g.districts().isEmpty()).toList());
        return "emergency/form";
    }
}
