package kz.qalqan;

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
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(QalqanApplication.class, args));
        }
        SpringApplication.run(QalqanApplication.class, CommandLine.serveArguments(args));
    }
}
