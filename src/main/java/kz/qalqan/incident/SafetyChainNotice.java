package kz.qalqan.incident;

import java.time.Instant;

/** Who in the safety chain is to hear of a serious incident: a role over an org path. */
public record SafetyChainNotice(String role, String orgPath, Instant recordedAt) {
}
