package kz.qalqan.safety;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.safety.internal.EnvironmentHazards;
import kz.qalqan.safety.internal.WeatherRepository;
import kz.qalqan.training.TrainingEvent;
import kz.qalqan.training.TrainingEvents;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The environment of a training activity, day by day: weather readings pushed by a sensor, a forecast feed
 * or a person, the heat category (work/rest and water for the activity's work intensity, with armour, MOPP 4
 * and acclimatisation) and the wind chill with its frostbite band. A reading whose heat or cold is a hazard
 * writes it, with the controls, into the activity's risk assessment; if that raises the overall risk above
 * what was approved, the assessment goes back for approval and the activity loses its clearance to start.
 * Readings come from those who prepare assessments (ADMIN, COMMANDER, SAFETY_OFFICER, TRAINING_OFFICER over
 * the unit); readers of the activity see them.
 */
@Service
@Transactional
public class ActivityEnvironment {

    private static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TrainingEvents events;
    private final RiskAssessments assessments;
    private final WeatherRepository repository;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    ActivityEnvironment(TrainingEvents events, RiskAssessments assessments, WeatherRepository repository,
                        CurrentCaller caller, AuditTrail audit, MessageSource messages, Clock clock) {
        this.events = events;
        this.assessments = assessments;
        this.repository = repository;
        this.caller = caller;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The readings of a training event, newest day first (out of the caller's area: not found). */
    @Transactional(readOnly = true)
    public List<ActivityWeather> readings(long eventId) {
        events.find(eventId);
        return repository.of(ActivityKind.TRAINING_EVENT, eventId);
    }

    /** Records a reading of a training event and applies it to the event's risk assessment. */
    public ActivityWeather record(long eventId, WeatherReading reading) {
        TrainingEvent event = events.find(eventId);
        if (!caller.get().scopeFor(RiskAssessments.PREPARERS).covers(event.orgPath())) {
            throw ForbiddenException.coded("safety.weather.preparersOnly");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(event.startsAt(), KAZAKHSTAN);
        LocalDate last = LocalDate.ofInstant(event.endsAt(), KAZAKHSTAN);
        if (reading.day() == null) {
            problems.add(FieldProblem.of("day", "safety.weather.dayRequired"));
        } else if (reading.day().isBefore(first) || reading.day().isAfter(last)) {
            problems.add(FieldProblem.of("day", "safety.weather.dayOutsideActivity", first.format(DAY), last.format(DAY)));
        }
        String source = reading.source() == null || reading.source().isBlank() ? "OBSERVED" : reading.source().trim();
        if (!source.equals("OBSERVED") && !source.equals("FORECAST")) {
            problems.add(FieldProblem.of("source", "safety.weather.sourceUnknown"));
        }
        check(problems, "wbgtC", reading.wbgtC(), -40, 60);
        check(problems, "wbgtF", reading.wbgtF(), -40, 140);
        check(problems, "airTempC", reading.airTempC(), -60, 60);
        check(problems, "humidityPct", reading.humidityPct(), 0, 100);
        check(problems, "windKmh", reading.windKmh(), 0, 250);
        if (reading.wbgtC() != null && reading.wbgtF() != null) {
            problems.add(FieldProblem.of("wbgtF", "safety.weather.wbgtTwice"));
        }
        boolean heatGiven = reading.wbgtC() != null || reading.wbgtF() != null
                || (reading.airTempC() != null && reading.humidityPct() != null);
        boolean coldGiven = reading.airTempC() != null && reading.windKmh() != null;
        if (!heatGiven && !coldGiven) {
            problems.add(FieldProblem.of("wbgtC", "safety.weather.nothingGiven"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean armour = Boolean.TRUE.equals(reading.bodyArmour());
        boolean mopp = Boolean.TRUE.equals(reading.mopp4());
        boolean acclimatised = !Boolean.FALSE.equals(reading.acclimatised());

        BigDecimal wbgtF = null;
        boolean estimated = false;
        if (reading.wbgtF() != null) {
            wbgtF = BigDecimal.valueOf(reading.wbgtF()).setScale(1, RoundingMode.HALF_UP);
        } else if (reading.wbgtC() != null) {
            wbgtF = HeatConditions.toFahrenheit(reading.wbgtC()).setScale(1, RoundingMode.HALF_UP);
        } else if (reading.airTempC() != null && reading.humidityPct() != null) {
            wbgtF = HeatConditions.toFahrenheit(EnvironmentHazards.estimatedWbgtC(reading.airTempC(), reading.humidityPct()))
                    .setScale(1, RoundingMode.HALF_UP);
            estimated = true;
        }
        HeatStress heat = wbgtF == null ? null : HeatStress.assess(new HeatConditions(wbgtF, event.intensity(), armour, mopp,
                acclimatised));
        Double windChill = null;
        FrostbiteRisk frostbite = null;
        if (coldGiven) {
            windChill = Math.round(WindChill.windChillC(reading.airTempC(), reading.windKmh()) * 10) / 10.0;
            frostbite = FrostbiteRisk.forWindChillC(windChill);
        }
        String actor = caller.get().username();
        long id = repository.insert(new WeatherRepository.NewReading(ActivityKind.TRAINING_EVENT, eventId, event.orgPath(),
                reading.day(), source, wbgtF, estimated, reading.airTempC(), reading.humidityPct(), reading.windKmh(), armour,
                mopp, acclimatised, heat, windChill, frostbite, actor, clock.instant()));
        audit.record("ACTIVITY_WEATHER_RECORD", "training_event", Long.toString(eventId), event.orgPath(), null,
                "weather " + id + " for " + reading.day() + ": heat category " + (heat == null ? "-" : heat.category())
                        + ", frostbite " + (frostbite == null ? "-" : frostbite));

        ActivityWeather.AssessmentEffect effect = applyToAssessment(eventId, heat, frostbite, windChill);
        ActivityWeather stored = repository.find(id);
        return new ActivityWeather(stored.id(), stored.activityId(), stored.day(), stored.source(), stored.wbgtF(),
                stored.wbgtEstimated(), stored.airTempC(), stored.humidityPct(), stored.windKmh(), stored.bodyArmour(),
                stored.mopp4(), stored.acclimatised(), heat, stored.windChillC(), stored.frostbite(), stored.recordedBy(),
                stored.recordedAt(), effect);
    }

    private ActivityWeather.AssessmentEffect applyToAssessment(long eventId, HeatStress heat, FrostbiteRisk frostbite,
                                                               Double windChill) {
        Locale locale = LocaleContextHolder.getLocale();
        List<RiskAssessmentCommand.HazardCommand> hazards = EnvironmentHazards.of(heat, frostbite).stream()
                .map(h -> new RiskAssessmentCommand.HazardCommand(null, h.code(), null, h.probability().name(),
                        h.severity().name(), controls(h.code(), heat, frostbite, windChill, locale),
                        h.residualProbability().name(), h.residualSeverity().name()))
                .toList();
        return assessments.applyEnvironment(ActivityKind.TRAINING_EVENT, eventId, EnvironmentHazards.CODES, hazards);
    }

    private List<RiskAssessmentCommand.ControlCommand> controls(String code, HeatStress heat, FrostbiteRisk frostbite,
                                                               Double windChill, Locale locale) {
        String who = messages.getMessage("safety.env.who", null, locale);
        List<RiskAssessmentCommand.ControlCommand> controls = new ArrayList<>();
        if (code.equals(EnvironmentHazards.HEAT)) {
            // litres first, the doctrine's quarts beside them
            Object water = heat.waterQuartsPerHour() == null ? "-" : heat.waterQuartsPerHour();
            Object litres = heat.waterLitresPerHour() == null ? "-" : heat.waterLitresPerHour();
            String flag = messages.getMessage("safety.activity.flag." + heat.flag().name(), null, locale);
            controls.add(new RiskAssessmentCommand.ControlCommand(heat.workMinutes() == null
                    ? messages.getMessage("safety.env.heat.noLimit", new Object[]{heat.category(), flag, water, litres}, locale)
                    : messages.getMessage("safety.env.heat.workRest", new Object[]{heat.category(), flag,
                    heat.workMinutes(), heat.restMinutes(), water, litres}, locale),
                    messages.getMessage("safety.env.heat.how", null, locale), who));
            if (heat.category() == 5) {
                controls.add(new RiskAssessmentCommand.ControlCommand(messages.getMessage("safety.env.heat.suspended", null, locale),
                        messages.getMessage("safety.env.heat.how", null, locale), who));
            }
        } else {
            controls.add(new RiskAssessmentCommand.ControlCommand(messages.getMessage("safety.env.cold.control",
                    new Object[]{windChill, frostbite.minutesToFreeze() == null ? "-"
                            : frostbite.minutesToFreeze()}, locale),
                    messages.getMessage("safety.env.cold.how", null, locale), who));
        }
        return controls;
    }

    private static void check(List<FieldProblem> problems, String field, Double value, double min, double max) {
        new kz.qalqan.platform.NumberRange(field, min, max).check(value, problems);
    }
}
