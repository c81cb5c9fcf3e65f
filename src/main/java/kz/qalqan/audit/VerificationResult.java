package kz.qalqan.audit;

import java.util.List;

/**
 * The outcome of checking the hash chain.
 *
 * @param intact   true when every event is present and unchanged
 * @param checked  how many events were read
 * @param problems one line per modified, missing or foreign row, naming its {@code seq} and what is wrong
 */
public record VerificationResult(boolean intact, long checked, List<String> problems) {

    public VerificationResult {
        problems = List.copyOf(problems);
    }
}
