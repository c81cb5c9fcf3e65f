package kz.qalqan.registry;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of a member import. {@code total} counts data rows; {@code accepted} rows were written
 * (zero when an all-or-nothing import was rejected); {@code rejected} rows broke a rule and are listed in
 * {@code errors} (one entry per problem, so a row may appear more than once). {@code warnings} lists
 * accepted rows flagged for review and file-level notes such as ignored columns. Both lists stop at
 * {@link #MAX_LISTED} entries, with {@code truncated} set.
 */
public record ImportReport(UUID id, ImportMode mode, Status status, long total, long accepted, long rejected,
                           List<ImportIssue> errors, List<ImportIssue> warnings, boolean truncated) {

    public static final int MAX_LISTED = 10_000;

    public enum Status {
        /** The accepted rows are in the register. */
        COMMITTED,
        /** All-or-nothing import with bad rows, or a file that cannot be read: nothing was written. */
        REJECTED
    }
}
