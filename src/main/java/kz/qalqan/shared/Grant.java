package kz.qalqan.shared;

/**
 * A role over a subtree of the organisation. {@code orgPath} is the path prefix of the subtree:
 * {@code ""} for the whole country, {@code "KZ-75/"} for a region, {@code "KZ-75/d12/"} for a district,
 * a unit's own path for a unit and everything below it.
 */
public record Grant(Role role, String orgPath) {

    public Grant {
        if (role == null || orgPath == null) {
            throw new IllegalArgumentException("a grant needs a role and an org path");
        }
    }

    public boolean national() {
        return orgPath.isEmpty();
    }

    public boolean covers(String path) {
        return path != null && path.startsWith(orgPath);
    }
}
