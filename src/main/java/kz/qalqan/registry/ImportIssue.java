package kz.qalqan.registry;

/**
 * One problem found in an import file: the physical line (header = 1), the CSV column, the value as
 * written and the reason. Used for rejections and for review warnings alike.
 */
public record ImportIssue(long line, String column, String value, String message) {
}
