package kz.qalqan.safety.web;

import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.safety.ActivityEnvironment;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.safety.WeatherReading;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety panel of a training event: whether it is cleared to start (its risk assessment, or a link to
 * prepare one), its weather day by day with the heat flag, work/rest, water and wind chill, and a form for
 * those who prepare assessments to record a reading.
 */
@Controller
class ActivitySafetyController {

    private final TrainingEvents events;
    private final RiskAssessments assessments;
    private final ActivityEnvironment environment;
    private final CurrentCaller caller;

    ActivitySafetyController(TrainingEvents events, RiskAssessments assessments, ActivityEnvironment environment,
                             CurrentCaller caller) {
        this.events = events;
        this.assessments = assessments;
        this.environment = environment;
        this.caller = caller;
    }

    @GetMapping("/training/events/{id}/safety")
    String panel(@PathVariable long id, @RequestParam(required = false) String weather, Model model) {
        model.addAttribute("weather", weather);
        TrainingEvent event = events.find(id);
        model.addAttribute("event", event);
        model.addAttribute("clearance", assessments.clearance(ActivityKind.TRAINING_EVENT, id));
        model.addAttribute("readings", environment.readings(id));
        model.addAttribute("mayRecord", caller.get().scopeFor(RiskAssessments.PREPARERS).covers(event.orgPath()));
        return "safety/activity :: panel";
    }

    @PostMapping("/training/events/{id}/weather")
    String record(@PathVariable long id, @RequestParam(required = false) String day,
                  @RequestParam(required = false) String source, @RequestParam(required = false) String wbgtC,
                  @RequestParam(required = false) String airTempC, @RequestParam(required = false) String humidityPct,
                  @RequestParam(required = false) String windKmh, @RequestParam(required = false) String bodyArmour,
                  @RequestParam(required = false) String mopp4) {
        List<String> problems = new ArrayList<>();
        try {
            environment.record(id, new WeatherReading(date(day, problems), source, number(wbgtC, problems), null,
                    number(airTempC, problems), number(humidityPct, problems), number(windKmh, problems),
                    bodyArmour != null, mopp4 != null, null));
        } catch (InvalidInputException e) {
            return "redirect:/training/events/" + id + "?weather=problem#safety";
        }
        return "redirect:/training/events/" + id + (problems.isEmpty() ? "?weather=saved" : "?weather=problem") + "#safety";
    }

    private static LocalDate date(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add("day");
            return null;
        }
    }

    private static Double number(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add("number");
            return null;
        }
    }
}
