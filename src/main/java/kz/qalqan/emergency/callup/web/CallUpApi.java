package kz.qalqan.emergency.callup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.callup.CallUpProgress;
import kz.qalqan.emergency.callup.CallUps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Call-up", description = "Progress of the call-ups of an emergency")
class CallUpApi {

    private final CallUps callUps;

    CallUpApi(CallUps callUps) {
        this.callUps = callUps;
    }

    @GetMapping("/api/emergencies/{id}/callup")
    @Operation(summary = "Call-up progress (watchers)",
            description = "Per call-up and in total: ordered, queued, sent, delivered, failed, accepted, declined, unable, "
                    + "silent, escalated (to the next channel / to the commander); activations by status; the silent "
                    + "with their escalation level and contacts, and the answers.")
    CallUpProgress progress(@PathVariable long id) {
        return callUps.progress(id);
    }
}
