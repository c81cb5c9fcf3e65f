package kz.qalqan.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The part of the organisation a caller may reach for some purpose: a set of org path prefixes,
 * reduced so that no prefix lies under another. {@link #everything()} is the whole country;
 * {@link #nothing()} reaches no one.
 */
public record Scope(List<String> prefixes) {

    public Scope {
        prefixes = List.copyOf(prefixes);
    }

    public static Scope of(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        List<String> reduced = new ArrayList<>();
        for (String p : sorted) {
            if (reduced.stream().noneMatch(p::startsWith)) {
                reduced.add(p);
            }
        }
        return new Scope(reduced);
    }

    public static Scope everything() {
        return new Scope(List.of(""));
    }

    public static Scope nothing() {
        return new Scope(List.of());
    }

    public boolean isEverything() {
        return prefixes.contains("");
    }

    public boolean isNothing() {
        return prefixes.isEmpty();
    }

    public boolean covers(String orgPath) {
        return orgPath != null && prefixes.stream().anyMatch(orgPath::startsWith);
    }

    /** LIKE patterns for {@code org_path like any(?)}, with LIKE's special characters escaped. */
    public String[] likePatterns() {
        return prefixes.stream()
                .map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }
}
