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

    /**
     * The narrowest org path holding the whole scope — where an audit event about a search, export or message over
     * it belongs: {@code "KZ-75/"} for one region, {@code ""} for the country or several regions; null for nothing.
     */
    public String commonPath() {
        return commonPath(prefixes);
    }

    /** The narrowest org path (ending in {@code /}, or {@code ""}) holding all these paths; null when there are none. */
    public static String commonPath(java.util.Collection<String> paths) {
        String common = null;
        for (String p : paths) {
            if (p == null) {
                continue;
            }
            if (common == null) {
                common = p;
            } else {
                int n = 0;
                while (n < common.length() && n < p.length() && common.charAt(n) == p.charAt(n)) {
                    n++;
                }
                common = common.substring(0, n);
            }
        }
        return common == null ? null : common.substring(0, common.lastIndexOf('/') + 1);
    }

    /** LIKE patterns for {@code org_path like any(?)}, with LIKE's special characters escaped. */
    public String[] likePatterns() {
        return prefixes.stream()
                .map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }
}
