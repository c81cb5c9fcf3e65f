package kz.qalqan.emergency.selection;

import java.util.List;

/**
 * What a coordinator asks for: {@code count} people (at most 5,000) holding the {@code qualifications} (ALL of them,
 * or ANY one; none asked: anyone) or serving in units of the {@code unitTypes}, within {@code radiusKm} of a point
 * (default: the emergency area's centre). {@code overrideAcwr} names members whose ACWR danger flag the coordinator
 * accepts — a {@code reason} is then required; {@code exemptions} names members to leave out.
 */
public record SelectionRequest(Integer count, List<String> qualifications, Match match, List<String> unitTypes,
                               Double lat, Double lon, Double radiusKm, List<Long> overrideAcwr, String reason,
                               List<Long> exemptions) {

    public enum Match { ALL, ANY }

    public SelectionRequest {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        unitTypes = unitTypes == null ? List.of() : List.copyOf(unitTypes);
        overrideAcwr = overrideAcwr == null ? List.of() : List.copyOf(overrideAcwr);
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        match = match == null ? Match.ALL : match;
    }
}
