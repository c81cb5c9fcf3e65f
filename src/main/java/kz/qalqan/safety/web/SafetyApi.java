package kz.qalqan.safety.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.NumberRange;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.FrostbiteRisk;
import kz.qalqan.safety.HeatConditions;
import kz.qalqan.safety.HeatStress;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.RiskMatrix;
import kz.qalqan.safety.Severity;
import kz.qalqan.safety.WindChill;
import kz.qalqan.shared.WorkIntensity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Safety look-ups for any signed-in user; nothing is stored. */
@RestController
@RequestMapping("/api/safety")
@Tag(name = "Safety", description = "Risk matrix, heat stress and wind chill")
class SafetyApi {

    record RiskAnswer(RiskLevel level, ApprovalAuthority approvalAuthority, String approvedBy) {
    }

    record WindChillAnswer(double windChillC, String frostbiteMinutes, FrostbiteRisk band, String description) {
    }

    @GetMapping("/risk")
    @Operation(summary = "ATP 5-19 risk level of a probability (A-E) and severity (I-IV), and who approves it")
    RiskAnswer risk(@RequestParam(required = false) String probability, @RequestParam(required = false) String severity) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Probability> p = Probability.parse(probability);
        Optional<Severity> s = Severity.parse(severity);
        if (p.isEmpty()) {
            problems.add(probability == null ? FieldProblem.of("probability", "safety.probability.required")
                    : FieldProblem.of("probability", "safety.probability.unknown"));
        }
        if (s.isEmpty()) {
            problems.add(severity == null ? FieldProblem.of("severity", "safety.severity.required")
                    : FieldProblem.of("severity", "safety.severity.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RiskLevel level = RiskMatrix.level(p.get(), s.get());
        return new RiskAnswer(level, level.approvalAuthority(), level.approvalAuthority().description());
    }

    // the ranges of ActivityEnvironment's weather readings: what a sensor or forecast on Earth can report
    static final NumberRange WBGT_C = new NumberRange("wbgtC", -40, 60);
    static final NumberRange WBGT_F = new NumberRange("wbgtF", -40, 140);
    static final NumberRange TEMP_C = new NumberRange("tempC", -60, 60);
    static final NumberRange WIND_KMH = new NumberRange("windKmh", 0, 250);

    @GetMapping("/heat")
    @Operation(summary = "TB MED 507 heat category, flag, work/rest and water for a WBGT in °F (wbgtF, -40 to 140) or °C (wbgtC, -40 to 60)")
    HeatStress heat(@RequestParam(required = false) Double wbgtF, @RequestParam(required = false) Double wbgtC,
                    @RequestParam(required = false) String work, @RequestParam(defaultValue = "false") boolean armour,
                    @RequestParam(defaultValue = "false") boolean mopp, @RequestParam(defaultValue = "true") boolean acclimatised) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((wbgtF == null) == (wbgtC == null)) {
            problems.add(FieldProblem.of("wbgtF", "safety.heat.oneWbgt"));
        }
        WBGT_C.check(wbgtC, problems);
        WBGT_F.check(wbgtF, problems);
        Optional<WorkIntensity> intensity = WorkIntensity.parse(work);
        if (intensity.isEmpty()) {
            problems.add(work == null ? FieldProblem.of("work", "safety.workIntensity.required")
                    : FieldProblem.of("work", "safety.workIntensity.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HeatConditions conditions = wbgtF != null ? HeatConditions.fahrenheit(wbgtF, intensity.get())
                : HeatConditions.celsius(wbgtC, intensity.get());
        return HeatStress.assess(conditions.withBodyArmour(armour).withMopp4(mopp).withAcclimatised(acclimatised));
    }

    @GetMapping("/windchill")
    @Operation(summary = "Wind chill in °C (to 0.1) and frostbite band for air temperature (tempC, -60 to 60 °C) and wind at 10 m (windKmh, 0 to 250 km/h)")
    WindChillAnswer windChill(@RequestParam double tempC, @RequestParam double windKmh) {
        List<FieldProblem> problems = new ArrayList<>();
        TEMP_C.check(tempC, problems);
        WIND_KMH.check(windKmh, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double chill = WindChill.windChillC(tempC, windKmh);
        FrostbiteRisk band = FrostbiteRisk.forWindChillC(chill);
        double shown = BigDecimal.valueOf(chill).setScale(1, RoundingMode.HALF_UP).doubleValue();
        return new WindChillAnswer(shown, band.minutesToFreeze(), band, band.description());
    }
}
