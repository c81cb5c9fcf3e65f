package kz.qalqan.safety.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.safety.ActivityEnvironment;
import kz.qalqan.safety.ActivityWeather;
import kz.qalqan.safety.WeatherReading;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/activities/{id}/weather")
@Tag(name = "Activity environment", description = "Weather per training activity and day; heat and cold rules applied to its risk assessment")
class WeatherApi {

    private final ActivityEnvironment environment;

    WeatherApi(ActivityEnvironment environment) {
        this.environment = environment;
    }

    @PostMapping
    @Operation(summary = "Record an observed or forecast reading for a training event (by its id)",
            description = "Give wbgtC or wbgtF, or airTempC with humidityPct (WBGT estimated for shade), and/or airTempC with "
                    + "windKmh for wind chill. A heat or cold hazard is written into the event's risk assessment; a rise above "
                    + "the approved level sends it back for approval.")
    ResponseEntity<ActivityWeather> record(@PathVariable long id, @RequestBody WeatherReading reading) {
        return ResponseEntity.status(HttpStatus.CREATED).body(environment.record(id, reading));
    }

    @GetMapping
    @Operation(summary = "The readings of a training event, newest day first")
    List<ActivityWeather> readings(@PathVariable long id) {
        return environment.readings(id);
    }
}
