package kz.qalqan.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line subcommand run by {@code java -jar qalqan.jar <name...> [args]} in a non-web
 * application context that shares the server's configuration and database.
 */
public interface Command {

    /** The words that select this command, e.g. {@code "import members"}. */
    String name();

    /** One line of usage shown by {@code help}. */
    String usage();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit code
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
