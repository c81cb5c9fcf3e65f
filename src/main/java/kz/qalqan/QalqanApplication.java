package kz.qalqan;

import kz.qalqan.demo.GenerateCommand;
import kz.qalqan.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Qalqan: {@code java -jar qalqan.jar} serves the web application; {@code java -jar qalqan.jar <command>}
 * runs a command-line task (import, generate, bench, ...) against the same database.
 */
@SpringBootApplication
@EnableScheduling
public class QalqanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            // pure file generation: no database, no application context
            System.exit(GenerateCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(QalqanApplication.class, args));
        }
        SpringApplication.run(QalqanApplication.class, CommandLine.serveArguments(args));
    }
}
