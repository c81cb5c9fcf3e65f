package kz.qalqan.registry.internal;

import kz.qalqan.platform.Command;
import kz.qalqan.platform.UsageException;
import kz.qalqan.registry.ImportIssue;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberImport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code import members FILE [--accept-valid]}: exit 0 when committed, 1 when nothing was written. */
@Component
class ImportMembersCommand implements Command {

    private final MemberImport imports;
    private final JsonMapper json;

    ImportMembersCommand(MemberImport imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @Override
    public String name() {
        return "import members";
    }

    @Override
    public String usage() {
        return "import members FILE [--accept-valid]   import a member CSV (all-or-nothing unless --accept-valid)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        ImportMode mode = ImportMode.ALL_OR_NOTHING;
        Path file = null;
        for (String arg : args) {
            if (arg.equals("--accept-valid")) {
                mode = ImportMode.ACCEPT_VALID;
            } else if (arg.equals("--all-or-nothing")) {
                mode = ImportMode.ALL_OR_NOTHING;
            } else if (arg.startsWith("-")) {
                throw new UsageException("Unknown option " + arg);
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                throw new UsageException("Only one file can be imported at a time");
            }
        }
        if (file == null) {
            throw new UsageException("Name the CSV file to import");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("Cannot read " + file);
        }
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importMembers(in, mode, "cli:" + System.getProperty("user.name", "unknown"), file.getFileName().toString());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%s: %d rows, %d accepted, %d rejected (%.1f s)%n", report.status() == ImportReport.Status.COMMITTED
                ? "Imported" : "Rejected, nothing written", report.total(), report.accepted(), report.rejected(), seconds);
        report.errors().stream().limit(20).forEach(e -> out.println("  " + describe(e)));
        if (report.errors().size() > 20) {
            out.printf("  ... %d more problems in the JSON report below%n", report.errors().size() - 20);
        }
        out.println(json.writeValueAsString(report));
        return report.status() == ImportReport.Status.COMMITTED ? 0 : 1;
    }

    private static String describe(ImportIssue issue) {
        return "line " + issue.line() + (issue.column() == null ? "" : ", " + issue.column())
                + (issue.value() == null ? "" : " '" + issue.value() + "'") + ": " + issue.message();
    }
}
