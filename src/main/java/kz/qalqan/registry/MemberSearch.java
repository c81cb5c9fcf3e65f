package kz.qalqan.registry;

/**
 * Search criteria; every one is optional. {@code after} is the opaque cursor of the previous page.
 */
public record MemberSearch(String q, String region, Long unitId, boolean includeSubunits, MemberStatus status,
                           String skill, int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
