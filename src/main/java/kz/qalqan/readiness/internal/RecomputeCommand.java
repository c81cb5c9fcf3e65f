package kz.qalqan.readiness.internal;

import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code readiness recompute}: reloads the read model from the modules and recomputes every level. */
@Component
class RecomputeCommand implements Command {

    private final ReadinessEngine engine;
    private final TransactionTemplate transactions;

    RecomputeCommand(ReadinessEngine engine, PlatformTransactionManager transactionManager) {
        this.engine = engine;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return "readiness recompute";
    }

    @Override
    public String usage() {
        return "readiness recompute                   reload readiness inputs and recompute every unit and roll-up";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new UsageException("readiness recompute takes no arguments");
        }
        ReadinessEngine.FullRun run = transactions.execute(status -> {
            ReadinessEngine.FullRun r = engine.rebuildAndRecompute();
            engine.snapshot();
            return r;
        });
        out.printf(Locale.ROOT, "Read model: %d units, %d positions, %d members, %d qualifications in %.2f s%n",
                run.rebuilt().units(), run.rebuilt().positions(), run.rebuilt().members(), run.rebuilt().qualifications(),
                run.rebuildSeconds());
        out.printf(Locale.ROOT, "Recomputed every unit and roll-up in %.2f s; %d nodes changed level%n",
                run.recomputeSeconds(), run.changedNodes());
        return 0;
    }
}
