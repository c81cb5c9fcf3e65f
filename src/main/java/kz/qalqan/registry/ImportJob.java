package kz.qalqan.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A member import as the UI follows it: progress while it runs ({@code rowsRead}, {@code bytesRead} of
 * {@code bytesTotal}), then its report.
 */
public record ImportJob(UUID id, String fileName, ImportMode mode, State state, long rowsRead, long bytesRead,
                        Long bytesTotal, ImportReport report, String failure, String startedBy, Instant startedAt,
                        Instant finishedAt) {

    public enum State {
        RUNNING, COMMITTED, REJECTED, FAILED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    /** Share of the file consumed, 0–100, when the size is known. */
    public int percent() {
        if (state.finished()) {
            return 100;
        }
        if (bytesTotal == null || bytesTotal == 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }

    /** Estimated seconds left, from the rate so far; null when it cannot be estimated yet. */
    public Long secondsLeft(Instant now) {
        if (state.finished() || bytesTotal == null || bytesRead == 0) {
            return null;
        }
        double elapsed = Math.max(0.001, (now.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        double rate = bytesRead / elapsed;
        return Math.round((bytesTotal - bytesRead) / rate);
    }
}
