package kz.qalqan.emergency.selection;

import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code emergency rebuild-candidates}: rebuilds force selection's candidate index from the owning modules. */
@Component
class RebuildCandidatesCommand implements Command {

    private final Candidates candidates;

    RebuildCandidatesCommand(Candidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "emergency rebuild-candidates";
    }

    @Override
    public String usage() {
        return "emergency rebuild-candidates         rebuild the force-selection candidate index from the register";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("No arguments expected");
        }
        long started = System.nanoTime();
        long rows = candidates.rebuild();
        out.printf(Locale.ROOT, "Candidate index: %d members with home coordinates in %.1f s%n", rows,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
