package kz.qalqan.readiness;

import java.util.List;

/**
 * What would raise a dimension one level: {@code more} positions (P), qualifications (T) or items (S, R).
 * The overall level rises one step when every dimension at the overall level rises.
 */
public record Improvement(Dimension dimension, int fromLevel, int toLevel, long more, String key, List<Object> args,
                          String text) {
}
