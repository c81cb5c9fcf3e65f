package kz.qalqan.emergency;

import java.util.List;

/**
 * A coordinator confirmed a force selection: the members are ordered to serve in the emergency (their activation
 * rows exist, ORDERED). The call-up messages go out under {@link #correlationId()}.
 */
public record CallUpOrdered(long emergencyId, long callUpId, List<Long> memberIds, String orderedBy) {

    public CallUpOrdered {
        memberIds = List.copyOf(memberIds);
    }

    /** The notification correlation id of this call-up's messages. */
    public String correlationId() {
        return correlationId(emergencyId, callUpId);
    }

    public static String correlationId(long emergencyId, long callUpId) {
        return "emergency-" + emergencyId + "-callup-" + callUpId;
    }
}
