package kz.qalqan.emergency.callup;

import kz.qalqan.emergency.CallUpOrdered;
import kz.qalqan.emergency.EmergencyStatusChanged;
import kz.qalqan.notification.ReplyReceived;
import kz.qalqan.platform.security.ActingAs;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs each call-up step after the publisher's commit, in its own transaction; a failure leaves the publication
 * incomplete in the event registry, which resubmits it (the idempotency keys make a repeat harmless).
 */
@Component
class CallUpListeners {

    private final CallUps callUps;

    CallUpListeners(CallUps callUps) {
        this.callUps = callUps;
    }

    /**
     * Sends as the coordinator who ordered the call-up, so the audit trail names them. Their scope was checked when
     * they confirmed the selection; here they act nationally, so that a member selected across a region border is
     * not dropped.
     */
    @ApplicationModuleListener
    void on(CallUpOrdered event) {
        Caller orderer = new Caller(event.orderedBy() == null ? "system" : event.orderedBy(), null,
                List.of(new Grant(Role.EMERGENCY_COORDINATOR, "")));
        ActingAs.call(orderer, () -> {
            callUps.send(event);
            return null;
        });
    }

    @ApplicationModuleListener
    void on(ReplyReceived reply) {
        if (reply.correlationId() != null && reply.correlationId().startsWith("emergency-")) {
            callUps.answer(reply);
        }
    }

    @ApplicationModuleListener
    void on(EmergencyStatusChanged change) {
        callUps.standDown(change);
    }
}
