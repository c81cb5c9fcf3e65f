package kz.qalqan.incident.web;

import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.incident.ActionCommand;
import kz.qalqan.incident.BodyRegion;
import kz.qalqan.incident.Cause;
import kz.qalqan.incident.IncidentKind;
import kz.qalqan.incident.IncidentSearch;
import kz.qalqan.incident.IncidentStatus;
import kz.qalqan.incident.IncidentSummary;
import kz.qalqan.incident.IncidentView;
import kz.qalqan.incident.Incidents;
import kz.qalqan.incident.InjurySurveillance;
import kz.qalqan.incident.Mechanism;
import kz.qalqan.incident.Outcome;
import kz.qalqan.incident.ReportCommand;
import kz.qalqan.incident.SurveillanceReport;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.shared.ActivityType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The quick incident report form, the incident list and page with its workflow, and the surveillance dashboard. */
@Controller
class IncidentController {

    private final Incidents incidents;
    private final InjurySurveillance surveillance;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final JsonMapper json;
    private final FormErrors texts;

    IncidentController(Incidents incidents, InjurySurveillance surveillance, MemberDirectory members, OrgStructure org,
                       JsonMapper json, FormErrors texts) {
        this.texts = texts;
        this.incidents = incidents;
        this.surveillance = surveillance;
        this.members = members;
        this.org = org;
        this.json = json;
    }

    /** The quick report as typed: text only, so a wrong value can be shown back and corrected. */
    public record ReportForm(String kind, String occurredAt, String unitCode, String regionCode, String place,
                             String lat, String lon, String description, String mechanism, String bodyRegion,
                             String cause, String activityType, String outcome, String restrictedDays, String lostDays,
                             String diagnosis, String outcomeNarrative, String anonymous, String involvesMe) {

        public boolean isAnonymous() {
            return ticked(anonymous);
        }

        /** The reporter was hurt or involved: they are named among the people of the report. */
        public boolean isInvolvingMe() {
            return ticked(involvesMe);
        }

        private static boolean ticked(String value) {
            return value != null && List.of("true", "on", "1", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
        }
    }

    @GetMapping("/incidents")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long after, Model model) {
        IncidentStatus s = parse(IncidentStatus.class, status);
        IncidentKind k = parse(IncidentKind.class, kind);
        List<IncidentSummary> items = incidents.search(new IncidentSearch(s, k, null, null, after, 50));
        model.addAttribute("items", items);
        model.addAttribute("status", s);
        model.addAttribute("kind", k);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("next", items.size() == 50 ? items.get(items.size() - 1).id() : null);
        return "incident/list";
    }

    @GetMapping("/incidents/new")
    String form(Model model) {
        String unit = null;
        String region = null;
        try {
            Member self = members.self();
            unit = self.unitCode();
            region = self.regionCode();
        } catch (NotFoundException e) {
            // a staff account without a member record: no defaults
        }
        String now = LocalDateTime.now(Incidents.KAZAKHSTAN).truncatedTo(ChronoUnit.MINUTES).toString();
        return showForm(new ReportForm(null, now, unit, region, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null), Map.of(), model);
    }

    @PostMapping("/incidents")
    String report(@ModelAttribute ReportForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        java.time.Instant occurredAt = null;
        if (form.occurredAt() != null && !form.occurredAt().isBlank()) {
            try {
                occurredAt = LocalDateTime.parse(form.occurredAt().trim()).atZone(Incidents.KAZAKHSTAN).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("occurredAt", texts.text("incident.error.occurredAt"));
            }
        }
        Double lat = number(form.lat(), "lat", "incident.error.lat", errors);
        Double lon = number(form.lon(), "lon", "incident.error.lon", errors);
        Integer restricted = whole(form.restrictedDays(), "restrictedDays", "incident.error.restrictedDays", errors);
        Integer lost = whole(form.lostDays(), "lostDays", "incident.error.lostDays", errors);
        List<Long> persons = List.of();
        if (form.isInvolvingMe() && !form.isAnonymous()) {
            try {
                persons = List.of(members.self().id());
            } catch (NotFoundException e) {
                errors.put("involvesMe", texts.text("incident.error.involvesMe"));
            }
        }
        if (!errors.isEmpty()) {
            return showForm(form, errors, model);
        }
        try {
            IncidentView view = incidents.report(new ReportCommand(form.kind(), occurredAt, null, blank(form.unitCode()),
                    blank(form.regionCode()), form.place(), lat, lon, form.description(), persons, form.mechanism(),
                    form.bodyRegion(), form.cause(), form.activityType(), form.outcome(), restricted, lost, form.diagnosis(),
                    form.outcomeNarrative(), form.isAnonymous()));
            model.addAttribute("incident", view);
            return "incident/reported";
        } catch (InvalidInputException e) {
            Map<String, String> said = new LinkedHashMap<>();
            texts.of(e).forEach((field, text) -> said.put(field, label(REPORT_FIELDS, field) + text));
            return showForm(form, said, model);
        }
    }

    @GetMapping("/incidents/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.find(id));
        model.addAttribute("mayInvestigate", incidents.mayInvestigate(id));
        model.addAttribute("today", LocalDate.now(Incidents.KAZAKHSTAN));
        return "incident/detail";
    }

    @PostMapping("/incidents/{id}/investigation")
    String investigate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return step(id, redirect, () -> incidents.startInvestigation(id, principal.getName()));
    }

    @PostMapping("/incidents/{id}/actions")
    String addAction(@PathVariable long id, @RequestParam(required = false) String description,
                     @RequestParam(required = false) String owner, @RequestParam(required = false) String dueOn,
                     Principal principal, RedirectAttributes redirect) {
        LocalDate due;
        try {
            due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.trim());
        } catch (DateTimeParseException e) {
            due = null;
        }
        LocalDate finalDue = due;
        return step(id, redirect, () -> incidents.addAction(id, new ActionCommand(description, owner, finalDue),
                principal.getName()));
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/done")
    String actionDone(@PathVariable long id, @PathVariable long actionId, Principal principal, RedirectAttributes redirect) {
        return step(id, redirect, () -> incidents.completeAction(id, actionId, principal.getName()));
    }

    @PostMapping("/incidents/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String review, Principal principal,
                 RedirectAttributes redirect) {
        return step(id, redirect, () -> incidents.close(id, review, principal.getName()));
    }

    @GetMapping("/incidents/surveillance")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate f = date(from);
        LocalDate t = date(to);
        SurveillanceReport report;
        try {
            report = surveillance.report(f, t);
        } catch (InvalidInputException e) {
            model.addAttribute("windowError", true);
            report = surveillance.report(null, null);
        }
        model.addAttribute("report", report);
        model.addAttribute("chartData", json.writeValueAsString(chartData(report)));
        return "incident/surveillance";
    }

    @GetMapping("/incidents/surveillance.csv")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"qalqan-injury-surveillance.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        surveillance.exportCsv(date(from), date(to), out);
        out.flush();
    }

    /** The figures the charts draw, labelled in the page's language; the same numbers are in the tables beside them. */
    private Map<String, Object> chartData(SurveillanceReport r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", r.byMonth().stream().map(SurveillanceReport.Rate::key).toList());
        data.put("monthRates", r.byMonth().stream().map(SurveillanceReport.Rate::rate).toList());
        data.put("units", r.byUnit().stream().map(SurveillanceReport.Rate::label).toList());
        data.put("unitRates", r.byUnit().stream().map(SurveillanceReport.Rate::rate).toList());
        data.put("causes", r.causes().stream().map(b -> name("incident.cause.", b.key())).toList());
        data.put("causeCounts", r.causes().stream().map(SurveillanceReport.ParetoBar::count).toList());
        data.put("causeCumulative", r.causes().stream().map(SurveillanceReport.ParetoBar::cumulativePercent).toList());
        data.put("bodyRegions", r.bodyRegions().stream().map(b -> name("incident.body.", b.key())).toList());
        data.put("bodyRegionCounts", r.bodyRegions().stream().map(SurveillanceReport.ParetoBar::count).toList());
        data.put("bodyRegionCumulative", r.bodyRegions().stream().map(SurveillanceReport.ParetoBar::cumulativePercent).toList());
        List<Map<String, Object>> charts = new ArrayList<>();
        for (SurveillanceReport.Period p : r.uCharts()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("period", p.period());
            c.put("centre", p.centre());
            c.put("units", p.points().stream().map(SurveillanceReport.UChartPoint::unitCode).toList());
            c.put("u", p.points().stream().map(SurveillanceReport.UChartPoint::u).toList());
            c.put("ucl", p.points().stream().map(SurveillanceReport.UChartPoint::ucl).toList());
            c.put("lcl", p.points().stream().map(SurveillanceReport.UChartPoint::lcl).toList());
            c.put("flagged", p.points().stream().map(SurveillanceReport.UChartPoint::flagged).toList());
            charts.add(c);
        }
        data.put("uCharts", charts);
        return data;
    }

    /** The name of a cause or body region (a key of the report); a key not recorded is "not recorded". */
    private String name(String prefix, String key) {
        return "UNKNOWN".equals(key) ? texts.text("incident.unknown") : texts.text(prefix + key);
    }

    private String step(long id, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("rejected", texts.text(e));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("invalid", e.problems().stream()
                    .map(p -> label(STEP_FIELDS, p.field()) + texts.text(p)).toList());
        }
        return "redirect:/incidents/" + id;
    }

    private String showForm(ReportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("mechanisms", Mechanism.values());
        model.addAttribute("bodyRegions", BodyRegion.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("activities", ActivityType.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("regions", org.regions());
        return "incident/form";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The labels of the report form's fields, put before a rule's problem so the reader knows where it is. */
    private static final Map<String, String> REPORT_FIELDS = Map.ofEntries(Map.entry("kind", "incident.field.kind"),
            Map.entry("occurredAt", "incident.field.occurredAt"), Map.entry("description", "incident.field.description"),
            Map.entry("unitCode", "incident.field.unitCode"), Map.entry("unitId", "incident.field.unitCode"),
            Map.entry("regionCode", "incident.field.region"), Map.entry("place", "incident.field.place"),
            Map.entry("lat", "incident.field.lat"), Map.entry("lon", "incident.field.lon"),
            Map.entry("personIds", "incident.field.persons"), Map.entry("mechanism", "incident.field.mechanism"),
            Map.entry("bodyRegion", "incident.field.bodyRegion"), Map.entry("cause", "incident.field.cause"),
            Map.entry("activityType", "incident.field.activityType"), Map.entry("outcome", "incident.field.outcome"),
            Map.entry("restrictedDays", "incident.field.restrictedDays"), Map.entry("lostDays", "incident.field.lostDays"),
            Map.entry("diagnosis", "incident.field.diagnosis"), Map.entry("outcomeNarrative", "incident.field.outcomeNarrative"));

    /** The same for the corrective-action and closing forms of the incident page. */
    private static final Map<String, String> STEP_FIELDS = Map.of("description", "incident.field.action",
            "owner", "incident.field.owner", "dueOn", "incident.field.dueOn", "review", "incident.field.review");

    private String label(Map<String, String> labels, String field) {
        String key = field == null ? null : labels.get(field);
        return key == null ? "" : texts.text(key) + ": ";
    }

    private Double number(String value, String field, String code, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, texts.text(code));
            return null;
        }
    }

    private Integer whole(String value, String field, String code, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, texts.text(code));
            return null;
        }
    }
}
