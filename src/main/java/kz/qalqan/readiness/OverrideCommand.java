package kz.qalqan.readiness;

/** A commander's lower C-level (1–4, never better than computed) and why. */
public record OverrideCommand(Integer level, String reason) {
}
