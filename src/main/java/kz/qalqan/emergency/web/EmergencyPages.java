package kz.qalqan.emergency.web;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.web.FormErrors;
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
    private final FormErrors formErrors;

    EmergencyPages(Emergencies emergencies, OwnActivations activations, OrgStructure org, CurrentCaller caller,
                   AuditTrail audit, JsonMapper json, FormErrors formErrors) {
        this.formErrors = formErrors;
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
        DeclareEmergency command = form.command(new LinkedHashMap<>());
        Map<String, String> errors = errors(form);
        if (errors.isEmpty()) {
            try {
                Emergency declared = emergencies.declare(command);
                return "redirect:/emergencies/" + declared.id();
            } catch (InvalidInputException e) {
                errors.putAll(formErrors.of(e, EmergencyPages::formField));
            } catch (ForbiddenException e) {
                errors.put("area", formErrors.text(e));
            }
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
        DeclareEmergency command = form.command(new LinkedHashMap<>());
        Map<String, String> errors = errors(form);
        if (errors.isEmpty()) {
            try {
                emergencies.revise(id, command);
                redirect.addFlashAttribute("saved", formErrors.text("emergency.saved.revised"));
                return "redirect:/emergencies/" + id;
            } catch (InvalidInputException e) {
                errors.putAll(formErrors.of(e, EmergencyPages::formField));
            } catch (ForbiddenException e) {
                errors.put("area", formErrors.text(e));
            } catch (ConflictException e) {
                errors.put("general", formErrors.text(e));
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
            redirect.addFlashAttribute("saved", formErrors.text("emergency.saved.status"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("rejected", formErrors.text(e));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("rejected", formErrors.of(e).values().iterator().next());
        }
        return "redirect:/emergencies/" + id;
    }

    /**
     * Every mistake of the form at once, each in the page's language: what cannot even be read (a point, a radius,
     * a district), then what the rules of {@link Emergencies} refuse in what could be read. The area as a whole is
     * not called missing when one of its parts was typed but could not be read.
     */
    private Map<String, String> errors(EmergencyForm form) {
        Map<String, String> keys = new LinkedHashMap<>();
        DeclareEmergency command = form.command(keys);
        Map<String, String> errors = new LinkedHashMap<>();
        keys.forEach((field, key) -> errors.put(field, formErrors.text(key)));
        boolean areaTyped = !keys.isEmpty();
        formErrors.of(emergencies.problems(command), EmergencyPages::formField).forEach((field, text) -> {
            if (!(areaTyped && field.equals("area"))) {
                errors.putIfAbsent(field, text);
            }
        });
        return errors;
    }

    /** The form field a rule's field belongs to: the area's parts are typed in their own fields. */
    static String formField(String field) {
        if (field.startsWith("area.polygons")) {
            return "polygon";
        }
        if (field.startsWith("area.circles")) {
            return "circleRadiusKm";
        }
        return switch (field) {
            case "area.regionCodes" -> "regionCodes";
            case "area.districtIds" -> "districtId";
            case "title", "type", "severity", "description", "area" -> field;
            default -> "general";
        };
    }

    private void requireCoordinator() {
        if (caller.get().scopeFor(Emergencies.COORDINATORS).isNothing()) {
            throw ForbiddenException.coded("emergency.declare.coordinatorsOnly");
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
