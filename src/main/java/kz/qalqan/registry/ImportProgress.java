package kz.qalqan.registry;

/** Receives progress of a running import: rows read so far and bytes of the file consumed. */
@FunctionalInterface
public interface ImportProgress {

    void update(long rowsRead, long bytesRead);

    ImportProgress NONE = (rows, bytes) -> { };
}
