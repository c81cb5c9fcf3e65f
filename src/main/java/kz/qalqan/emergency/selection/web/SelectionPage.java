package kz.qalqan.emergency.selection.web;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.selection.ForceSelection;
import kz.qalqan.emergency.selection.Selection;
import kz.qalqan.emergency.selection.SelectionRequest;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.UnitType;
import kz.qalqan.shared.GeoPoint;
import kz.qalqan.training.Qualification;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The force selection tab of an emergency: the request form, the ranked result, the excluded and Confirm. */
@Controller
class SelectionPage {

    private final Emergencies emergencies;
    private final ForceSelection selection;

    private final FormErrors formErrors;

    SelectionPage(Emergencies emergencies, ForceSelection selection, FormErrors formErrors) {
        this.emergencies = emergencies;
        this.selection = selection;
        this.formErrors = formErrors;
    }

    /** The request form as typed (text, so a bad value is shown back to be corrected). */
    public record SelectionForm(String count, List<String> qualifications, String match, List<String> unitTypes,
                                String lat, String lon, String radiusKm, String exemptions, String overrideAcwr,
                                String reason) {

        public boolean has(String code) {
            return qualifications != null && qualifications.contains(code);
        }

        public boolean hasType(String type) {
            return unitTypes != null && unitTypes.contains(type);
        }
    }

    @GetMapping("/emergencies/{id}/selection")
    String page(@PathVariable long id, @RequestParam(required = false) Long sid, Model model) {
        Emergency emergency = emergencies.managed(id);
        GeoPoint centre = selection.defaultCentre(emergency);
        SelectionForm form = new SelectionForm("20", List.of(), "ALL", List.of(),
                centre == null ? "" : String.format(java.util.Locale.ROOT, "%.5f", centre.lat()),
                centre == null ? "" : String.format(java.util.Locale.ROOT, "%.5f", centre.lon()),
                String.valueOf((int) ForceSelection.DEFAULT_RADIUS_KM), "", "", "");
        Selection shown = sid == null ? null : selection.find(id, sid);
        if (shown != null) {
            form = formOf(shown.request(), shown);
        }
        return render(model, emergency, form, shown, Map.of());
    }

    @PostMapping("/emergencies/{id}/selection")
    String select(@PathVariable long id, @ModelAttribute SelectionForm form, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        Emergency emergency = emergencies.managed(id);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        SelectionRequest request = request(form, errors);
        // what could not be read and what the rules refuse in the rest, all at once
        formErrors.of(selection.problems(emergency, request), UnaryOperator.identity()).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                Selection made = selection.select(id, request);
                return "redirect:/emergencies/" + id + "/selection?sid=" + made.id();
            } catch (InvalidInputException e) {
                errors.putAll(formErrors.of(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(model, emergency, form, null, errors);
    }

    @PostMapping("/emergencies/{id}/selection/{sid}/confirm")
    String confirm(@PathVariable long id, @PathVariable long sid, @RequestParam(required = false) List<Long> memberIds,
                   Model model, jakarta.servlet.http.HttpServletResponse response) {
        Emergency emergency = emergencies.managed(id);
        try {
            selection.confirm(id, sid, memberIds);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Selection shown = selection.find(id, sid);
            return render(model, emergency, formOf(shown.request(), shown), shown, Map.of("confirm", formErrors.text(e)));
        }
        return "redirect:/emergencies/" + id + "/selection?sid=" + sid + "&confirmed";
    }

    private String render(Model model, Emergency emergency, SelectionForm form, Selection shown, Map<String, String> errors) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        List<Qualification> catalogue = new ArrayList<>(selection.catalogue());
        catalogue.sort(Comparator.comparing((Qualification q) -> name(q, lang)));
        model.addAttribute("emergency", emergency);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("catalogue", catalogue.stream().map(q -> Map.of("code", q.code(), "name", name(q, lang))).toList());
        model.addAttribute("unitTypes", Arrays.stream(UnitType.values()).map(Enum::name).toList());
        model.addAttribute("selection", shown);
        model.addAttribute("excluded", shown == null ? List.of() : selection.excluded(emergency.id(), shown.id()));
        model.addAttribute("history", selection.list(emergency.id()));
        return "emergency/selection/page";
    }

    private static String name(Qualification q, String lang) {
        return switch (lang) {
            case "ru" -> q.nameRu();
            case "en" -> q.nameEn();
            default -> q.nameKk();
        };
    }

    private static SelectionForm formOf(SelectionRequest r, Selection s) {
        return new SelectionForm(String.valueOf(r.count()), r.qualifications(), r.match().name(), r.unitTypes(),
                String.format(java.util.Locale.ROOT, "%.5f", s.lat()), String.format(java.util.Locale.ROOT, "%.5f", s.lon()),
                String.valueOf(s.radiusKm()), join(r.exemptions()), join(r.overrideAcwr()),
                r.reason() == null ? "" : r.reason());
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private SelectionRequest request(SelectionForm f, Map<String, String> errors) {
        Integer count = integer(f.count(), "count", errors);
        Double lat = decimal(f.lat(), "lat", errors);
        Double lon = decimal(f.lon(), "lon", errors);
        Double radius = decimal(f.radiusKm(), "radiusKm", errors);
        List<Long> exemptions = ids(f.exemptions(), "exemptions", errors);
        List<Long> overrides = ids(f.overrideAcwr(), "overrideAcwr", errors);
        SelectionRequest.Match match = "ANY".equals(f.match()) ? SelectionRequest.Match.ANY : SelectionRequest.Match.ALL;
        return new SelectionRequest(count, f.qualifications(), match, f.unitTypes(), lat, lon, radius, overrides,
                f.reason(), exemptions);
    }

    private Integer integer(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, formErrors.text("selection.form.wholeNumber", shorten(text)));
            return null;
        }
    }

    private Double decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, formErrors.text("selection.form.number", shorten(text)));
            return null;
        }
    }

    private List<Long> ids(String text, String field, Map<String, String> errors) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.valueOf(part));
            } catch (NumberFormatException e) {
                errors.putIfAbsent(field, formErrors.text("selection.form.ids", shorten(part)));
            }
        }
        return ids;
    }

    private static String shorten(String text) {
        String clean = text.strip();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
