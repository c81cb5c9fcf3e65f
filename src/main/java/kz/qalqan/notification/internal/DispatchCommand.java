package kz.qalqan.notification.internal;

import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code notification dispatch [--correlation PREFIX] [--workers N]}: sends what is due in the outbox now and
 * exits when nothing is left (messages waiting for a retry later stay queued for the server's workers).
 */
@Component
class DispatchCommand implements Command {

    private final Dispatcher dispatcher;

    DispatchCommand(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "notification dispatch";
    }

    @Override
    public String usage() {
        return "notification dispatch [--correlation PREFIX] [--workers N]   send the due outbox messages now";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String prefix = null;
        int workers = 2;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException("Option " + a + " needs a value");
            }
            switch (a) {
                case "--correlation" -> prefix = args.get(++i);
                case "--workers" -> {
                    try {
                        workers = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--workers must be a whole number");
                    }
                    if (workers < 1 || workers > 64) {
                        throw new UsageException("--workers must be between 1 and 64");
                    }
                }
                default -> throw new UsageException("Unknown option " + a);
            }
        }
        long sent = dispatcher.drain(workers, prefix);
        out.println("Dispatched " + sent + " messages");
        return 0;
    }
}
