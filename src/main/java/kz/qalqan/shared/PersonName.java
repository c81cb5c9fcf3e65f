package kz.qalqan.shared;

/** Placeholder until the name rules land; accepts letters, spaces, hyphens and apostrophes. */
public final class PersonName {
    private PersonName() {
    }

    public static String problem(String name) {
        String n = normalise(name);
        if (n.isEmpty() || n.length() > 100) {
            return "must be 1-100 characters";
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isLetter(c) && " -'’.".indexOf(c) < 0) {
                return "may contain only letters, spaces, hyphens and apostrophes";
            }
        }
        return null;
    }

    public static String normalise(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ");
    }
}
