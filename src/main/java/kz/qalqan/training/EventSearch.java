package kz.qalqan.training;

import java.time.Instant;

/**
 * Which events to list: those of a unit (and its sub-units when {@code includeSubunits}), or of
 * everything the caller may see when {@code unitId} is null, starting in [{@code from}, {@code to}).
 */
public record EventSearch(Long unitId, boolean includeSubunits, Instant from, Instant to, EventStatus status) {
}
