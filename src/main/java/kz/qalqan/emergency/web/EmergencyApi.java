package kz.qalqan.emergency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/emergencies")
@Tag(name = "Emergencies", description = "Declared emergencies, their area and lifecycle")
class EmergencyApi {

    private final Emergencies emergencies;

    EmergencyApi(Emergencies emergencies) {
        this.emergencies = emergencies;
    }

    /** The JSON body that declares or revises an emergency. */
    record EmergencyRequest(String title, EmergencyType type, Severity severity, Boolean exercise, String description,
                            EmergencyArea area) {
        DeclareEmergency command() {
            return new DeclareEmergency(title, type, severity, Boolean.TRUE.equals(exercise), description, area);
        }
    }

    /** A move in the lifecycle. */
    record EmergencyStatusRequest(EmergencyStatus status, String reason) {
    }

    @PostMapping
    @Operation(summary = "Declare an emergency (coordinators over its area)")
    ResponseEntity<Emergency> declare(@RequestBody EmergencyRequest request) {
        Emergency declared = emergencies.declare(request.command());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(declared.id()).toUri()).body(declared);
    }

    @GetMapping
    @Operation(summary = "Emergencies the caller may watch, newest first")
    List<Emergency> list(@RequestParam(defaultValue = "false") boolean open) {
        return emergencies.list(open);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One emergency")
    Emergency get(@PathVariable long id) {
        return emergencies.find(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Revise an open emergency's title, type, severity, description or area")
    Emergency revise(@PathVariable long id, @RequestBody EmergencyRequest request) {
        return emergencies.revise(id, request.command());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Stand down, close, cancel (reason required) or reactivate an emergency")
    Emergency status(@PathVariable long id, @RequestBody EmergencyStatusRequest request) {
        return emergencies.changeStatus(id, request.status(), request.reason());
    }
}
