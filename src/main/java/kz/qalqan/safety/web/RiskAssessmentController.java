package kz.qalqan.safety.web;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.AssessmentStatus;
import kz.qalqan.safety.DecisionRights;
import kz.qalqan.safety.HazardLibrary;
import kz.qalqan.safety.HazardTemplate;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskAssessmentCommand;
import kz.qalqan.safety.RiskAssessmentView;
import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.RiskMatrix;
import kz.qalqan.safety.Severity;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import kz.qalqan.shared.WorkIntensity;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Risk assessment pages: the list with "awaiting my approval", the worksheet form (hazards offered from the
 * library of the activity type, plus free text; levels shown as probability and severity are chosen), the
 * detail page with approve/disapprove for those who may, the decision history and the PDF. Every rule is the
 * safety module's; the forms work without JavaScript (a script only shows levels as they are chosen).
 */
@Controller
class RiskAssessmentController {

    static final int BLANK_ROWS = 3;
    /** The notices a redirect after a change may ask for ({@code ?saved=…}). */
    private static final java.util.Set<String> SAVED = java.util.Set.of("created", "updated", "submitted", "approved",
            "disapproved", "lessons");

    private final RiskAssessments assessments;
    private final HazardLibrary library;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final TrainingEvents trainingEvents;
    private final FormErrors formErrors;

    RiskAssessmentController(RiskAssessments assessments, HazardLibrary library, OrgStructure org, CurrentCaller caller,
                             TrainingEvents trainingEvents, FormErrors formErrors) {
        this.trainingEvents = trainingEvents;
        this.formErrors = formErrors;
        this.assessments = assessments;
        this.library = library;
        this.org = org;
        this.caller = caller;
    }

    /** A hazard row of the form as typed; {@code controls} is one control per line, "control | how | who". */
    public record Row(String subTask, String hazardCode, String hazard, String probability, String severity, String controls,
                      String residualProbability, String residualSeverity) {

        boolean blank() {
            return Arrays.asList(subTask, hazardCode, hazard, probability, severity, controls, residualProbability,
                    residualSeverity).stream().allMatch(v -> v == null || v.isBlank());
        }

        public RiskLevel initialRisk() {
            return level(probability, severity);
        }

        public RiskLevel residualRisk() {
            return level(residualProbability, residualSeverity);
        }

        private static RiskLevel level(String p, String s) {
            Optional<Probability> probability = Probability.parse(p);
            Optional<Severity> severity = Severity.parse(s);
            return probability.isPresent() && severity.isPresent() ? RiskMatrix.level(probability.get(), severity.get()) : null;
        }
    }

    /** The worksheet form as typed. */
    public record Form(String activityKind, String activityId, String title, String unitId, String activityType,
                       String workIntensity, String beginsOn, String endsOn, String preparerDutyTitle,
                       String supervisionPlan, String overallResidualRisk, List<Row> rows) {
    }

    @GetMapping("/risk-assessments")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String activityType,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean pending, Model model) {
        List<String> problems = new ArrayList<>();
        List<?> items;
        try {
            items = assessments.list(new RiskAssessments.Filter(status, activityType, null, q, pending));
        } catch (InvalidInputException e) {
            items = List.of();
            problems.addAll(formErrors.of(e).values());
        }
        model.addAttribute("items", items);
        model.addAttribute("problems", problems);
        model.addAttribute("pending", pending);
        model.addAttribute("status", status);
        model.addAttribute("activityType", activityType);
        model.addAttribute("q", q);
        model.addAttribute("statuses", AssessmentStatus.values());
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("units", unitNames());
        return "safety/risk/list";
    }

    @GetMapping("/risk-assessments/new")
    String create(@RequestParam(required = false) String activityType, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) Long event, Model model) {
        LocalDate today = LocalDate.now(RiskAssessments.KAZAKHSTAN);
        List<Row> rows = new ArrayList<>();
        if (event != null) {
            // an assessment of a training event starts from the event's facts and its activity's hazards
            TrainingEvent e = trainingEvents.find(event);
            library.forActivity(e.activityType()).forEach(h -> rows.add(fromLibrary(h)));
            Form form = new Form("TRAINING_EVENT", Long.toString(e.id()), e.title(), Long.toString(e.unitId()),
                    e.activityType().name(), e.intensity().name(),
                    LocalDate.ofInstant(e.startsAt(), RiskAssessments.KAZAKHSTAN).toString(),
                    LocalDate.ofInstant(e.endsAt(), RiskAssessments.KAZAKHSTAN).toString(), null, null, null, padded(rows));
            return form(model, null, null, form, Map.of());
        }
        ActivityType type = ActivityType.parse(activityType).orElse(null);
        if (type != null) {
            library.forActivity(type).forEach(h -> rows.add(fromLibrary(h)));
        }
        Form form = new Form("OTHER", null, null, unit, type == null ? null : type.name(), "MODERATE", today.toString(),
                today.toString(), null, null, null, padded(rows));
        return form(model, null, null, form, Map.of());
    }

    @PostMapping("/risk-assessments")
    String createPost(@RequestParam MultiValueMap<String, String> params, Model model) {
        Form form = form(params);
        if (!"save".equals(params.getFirst("action"))) {
            return form(model, null, null, reshaped(form, params.getFirst("action")), Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Prepared prepared = command(form, errors);
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(List.of());
            }
            RiskAssessmentView view = assessments.create(prepared.command());
            return "redirect:/risk-assessments/" + view.id() + "?saved=created";
        } catch (InvalidInputException e) {
            formErrors.of(e, prepared::field).forEach(errors::putIfAbsent);
        } catch (ConflictException e) {
            errors.put(e.field() == null ? "form" : e.field(), formErrors.text(e));
        }
        return form(model, null, null, form, errors);
    }

    @GetMapping("/risk-assessments/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
        return detail(id, saved != null && SAVED.contains(saved) ? formErrors.text("safety.saved." + saved) : null, null, model);
    }

    private String detail(long id, String notice, String problem, Model model) {
        RiskAssessmentView view = assessments.find(id);
        DecisionRights rights = assessments.rights(id);
        model.addAttribute("a", view);
        model.addAttribute("rights", rights);
        model.addAttribute("unit", unitName(view.unitId()));
        model.addAttribute("clearance", assessments.clearance(view.activityKind(), view.activityId()));
        model.addAttribute("notice", notice);
        model.addAttribute("problem", problem);
        return "safety/risk/detail";
    }

    @GetMapping("/risk-assessments/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("risk-assessment-" + id + ".pdf").build().toString())
                .body(assessments.pdf(id, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/risk-assessments/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        RiskAssessmentView view = assessments.find(id);
        if (!assessments.rights(id).mayReview()) {
            throw ForbiddenException.coded("safety.assessment.changersOnly");
        }
        List<Row> rows = view.hazards().stream().map(h -> new Row(h.subTask(), h.hazardCode(), h.hazard(),
                h.probability().name(), h.severity().name(), h.controls().stream()
                .map(c -> c.control() + (c.how() == null && c.who() == null ? "" : " | " + nz(c.how()) + " | " + nz(c.who())))
                .collect(Collectors.joining("\n")), h.residualProbability().name(), h.residualSeverity().name())).toList();
        Form form = new Form(view.activityKind().name(), Long.toString(view.activityId()), view.title(),
                Long.toString(view.unitId()), view.activityType().name(), view.workIntensity().name(),
                view.beginsOn().toString(), view.endsOn().toString(), view.preparerDutyTitle(), view.supervisionPlan(),
                null, padded(new ArrayList<>(rows)));
        return form(model, id, view.status(), form, Map.of());
    }

    @PostMapping("/risk-assessments/{id}")
    String editPost(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        RiskAssessmentView current = assessments.find(id);
        Form form = form(params);
        if (!"save".equals(params.getFirst("action"))) {
            return form(model, id, current.status(), reshaped(form, params.getFirst("action")), Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Prepared prepared = command(form, errors);
        RiskAssessmentCommand command = prepared.command();
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(List.of());
            }
            if (current.status().editable()) {
                assessments.update(id, new RiskAssessmentCommand(null, null, command.title(), null, command.activityType(),
                        command.workIntensity(), command.beginsOn(), command.endsOn(), command.preparerDutyTitle(),
                        command.supervisionPlan(), command.overallResidualRisk(), command.hazards()));
            } else {
                assessments.reviewHazards(id, command.hazards(), command.overallResidualRisk());
            }
            return "redirect:/risk-assessments/" + id + "?saved=updated";
        } catch (InvalidInputException e) {
            formErrors.of(e, prepared::field).forEach(errors::putIfAbsent);
        } catch (ConflictException e) {
            errors.put("form", formErrors.text(e));
        }
        return form(model, id, current.status(), form, errors);
    }

    @PostMapping("/risk-assessments/{id}/submit")
    String submit(@PathVariable long id, Model model, HttpServletResponse response) {
        return act(id, "submitted", () -> assessments.submit(id), model, response);
    }

    @PostMapping("/risk-assessments/{id}/approve")
    String approve(@PathVariable long id, Model model, HttpServletResponse response) {
        return act(id, "approved", () -> assessments.approve(id), model, response);
    }

    @PostMapping("/risk-assessments/{id}/disapprove")
    String disapprove(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                      HttpServletResponse response) {
        return act(id, "disapproved", () -> assessments.disapprove(id, reason), model, response);
    }

    @PostMapping("/risk-assessments/{id}/lessons")
    String lessons(@PathVariable long id, @RequestParam(required = false) String lessonsLearned, Model model,
                   HttpServletResponse response) {
        return act(id, "lessons", () -> assessments.recordLessons(id, lessonsLearned), model, response);
    }

    /** Done: back to the assessment; refused: the assessment again with the refusal in the page's language. */
    private String act(long id, String saved, Runnable action, Model model, HttpServletResponse response) {
        String problem;
        try {
            action.run();
            return "redirect:/risk-assessments/" + id + "?saved=" + saved;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problem = String.join(" ", formErrors.of(e).values());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            problem = formErrors.text(e);
        } catch (ForbiddenException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            problem = formErrors.text(e);
        }
        return detail(id, null, problem, model);
    }

    // --- the form

    private String form(Model model, Long id, AssessmentStatus status, Form form, Map<String, String> errors) {
        ActivityType type = ActivityType.parse(form.activityType()).orElse(null);
        List<HazardTemplate> hazards = type == null ? library.all() : library.forActivity(type);
        model.addAttribute("id", id);
        model.addAttribute("status", status);
        model.addAttribute("review", status != null && !status.editable());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("library", hazards);
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("units", org.allUnits().stream()
                .filter(u -> caller.get().scopeFor(RiskAssessments.PREPARERS).covers(u.orgPath())).toList());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("intensities", WorkIntensity.values());
        model.addAttribute("probabilities", Probability.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("matrix", matrix());
        return "safety/risk/form";
    }

    /** "more" adds blank rows; "library" offers the hazards of the chosen activity type in the empty rows. */
    private Form reshaped(Form form, String action) {
        List<Row> rows = new ArrayList<>(form.rows().stream().filter(r -> !r.blank()).toList());
        if ("library".equals(action)) {
            ActivityType.parse(form.activityType()).ifPresent(type -> library.forActivity(type).stream()
                    .filter(h -> rows.stream().noneMatch(r -> h.code().equals(r.hazardCode())))
                    .forEach(h -> rows.add(fromLibrary(h))));
        }
        List<Row> all = padded(rows);
        if ("more".equals(action)) {
            for (int i = 0; i < BLANK_ROWS; i++) {
                all.add(new Row(null, null, null, null, null, null, null, null));
            }
        }
        return new Form(form.activityKind(), form.activityId(), form.title(), form.unitId(), form.activityType(),
                form.workIntensity(), form.beginsOn(), form.endsOn(), form.preparerDutyTitle(), form.supervisionPlan(),
                form.overallResidualRisk(), all);
    }

    private Row fromLibrary(HazardTemplate h) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return new Row(null, h.code(), null, h.probability().name(), h.severity().name(),
                String.join("\n", h.controls(language)), null, null);
    }

    private static List<Row> padded(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row(null, null, null, null, null, null, null, null));
        }
        return all;
    }

    private static Form form(MultiValueMap<String, String> p) {
        List<Row> rows = new ArrayList<>();
        int count = Math.min(200, integer(p.getFirst("rows"), 0));
        for (int i = 0; i < count; i++) {
            String at = "hazards[" + i + "].";
            rows.add(new Row(p.getFirst(at + "subTask"), p.getFirst(at + "hazardCode"), p.getFirst(at + "hazard"),
                    p.getFirst(at + "probability"), p.getFirst(at + "severity"), p.getFirst(at + "controls"),
                    p.getFirst(at + "residualProbability"), p.getFirst(at + "residualSeverity")));
        }
        return new Form(p.getFirst("activityKind"), p.getFirst("activityId"), p.getFirst("title"), p.getFirst("unitId"),
                p.getFirst("activityType"), p.getFirst("workIntensity"), p.getFirst("beginsOn"), p.getFirst("endsOn"),
                p.getFirst("preparerDutyTitle"), p.getFirst("supervisionPlan"), p.getFirst("overallResidualRisk"), rows);
    }

    /**
     * The command for the module; rows the user left empty are dropped and the row numbers of the problems the
     * module reports are mapped back to the form's rows.
     */
    private Prepared command(Form form, Map<String, String> errors) {
        Long activityId = null;
        if (form.activityId() != null && !form.activityId().isBlank()) {
            try {
                activityId = Long.valueOf(form.activityId().trim());
            } catch (NumberFormatException e) {
                errors.put("activityId", formErrors.text("safety.error.number"));
            }
        }
        Long unitId = null;
        if (form.unitId() != null && !form.unitId().isBlank()) {
            try {
                unitId = Long.valueOf(form.unitId().trim());
            } catch (NumberFormatException e) {
                errors.put("unitId", formErrors.text("safety.error.unit"));
            }
        }
        LocalDate begins = date(form.beginsOn(), "beginsOn", errors);
        LocalDate ends = date(form.endsOn(), "endsOn", errors);
        List<RiskAssessmentCommand.HazardCommand> hazards = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < form.rows().size(); i++) {
            Row r = form.rows().get(i);
            if (r.blank()) {
                continue;
            }
            index.add(i);
            List<RiskAssessmentCommand.ControlCommand> controls = new ArrayList<>();
            if (r.controls() != null) {
                for (String line : r.controls().split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split("\\|", 3);
                    controls.add(new RiskAssessmentCommand.ControlCommand(parts[0].trim(),
                            parts.length > 1 ? parts[1].trim() : null, parts.length > 2 ? parts[2].trim() : null));
                }
            }
            hazards.add(new RiskAssessmentCommand.HazardCommand(r.subTask(), r.hazardCode(), r.hazard(), r.probability(),
                    r.severity(), controls, r.residualProbability(), r.residualSeverity()));
        }
        return new Prepared(new RiskAssessmentCommand(form.activityKind(), activityId, form.title(), unitId, form.activityType(),
                form.workIntensity(), begins, ends, form.preparerDutyTitle(), form.supervisionPlan(),
                form.overallResidualRisk(), hazards), index);
    }

    /** The command and, for each of its hazards, the form row it came from. */
    private record Prepared(RiskAssessmentCommand command, List<Integer> rows) {

        /** {@code hazards[k].x} of the command as {@code hazards[i].x} of the form. */
        String field(String field) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^hazards\\[(\\d+)]").matcher(field);
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                if (k < rows.size()) {
                    return "hazards[" + rows.get(k) + "]" + field.substring(m.end());
                }
            }
            return field;
        }
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, formErrors.text("safety.error.date"));
            return null;
        }
    }

    private static int integer(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** "EH,EH,H,H,M;…" rows by severity I-IV, columns by probability A-E, for the level preview script. */
    private static String matrix() {
        return Arrays.stream(Severity.values()).map(s -> Arrays.stream(Probability.values())
                .map(p -> RiskMatrix.level(p, s).name()).collect(Collectors.joining(","))).collect(Collectors.joining(";"));
    }

    private String unitName(long unitId) {
        try {
            Unit u = org.unit(unitId);
            return u.name() + " (" + u.code() + ")";
        } catch (kz.qalqan.platform.NotFoundException e) {
            return "#" + unitId;
        }
    }

    private Map<Long, String> unitNames() {
        return org.allUnits().stream().collect(Collectors.toMap(Unit::id, Unit::code, (a, b) -> a));
    }

}
