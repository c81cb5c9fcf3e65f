package kz.qalqan.web.internal;

import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.csv.CsvWriter;
import kz.qalqan.registry.ImportIssue;
import kz.qalqan.registry.ImportJob;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.CalendarDate;
import kz.qalqan.shared.Iin;
import kz.qalqan.shared.IinProblem;
import kz.qalqan.shared.IinWarning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV imports of members: the upload form with the file format, the list of recent imports, and one
 * import's page, which follows the progress live (htmx polls a fragment every second) and then shows
 * the report.
 */
@Controller
class ImportController {

    static final int RECENT = 20;

    /** The columns of a member CSV (DOMAIN.md), in the order the example file uses. */
    public record Column(String name, boolean required) {
        public String descriptionKey() {
            return "import.column." + name;
        }
    }

    static final List<Column> COLUMNS = List.of(new Column("iin", true), new Column("last_name", true),
            new Column("first_name", true), new Column("middle_name", false), new Column("category", false),
            new Column("phone", false), new Column("email", false), new Column("region", true),
            new Column("district", false), new Column("unit", false), new Column("lat", false),
            new Column("lon", false), new Column("language", false), new Column("skills", false));

    /** One problem of a report as shown: a message key (with its one argument) when the reason is a known one. */
    public record IssueRow(ImportIssue issue, String messageKey, String argument) {
    }

    private final MemberImport imports;
    private final OrgStructure org;
    private final Path uploads;
    private final Clock clock;

    ImportController(MemberImport imports, OrgStructure org, @Value("${qalqan.data-dir}") Path dataDir, Clock clock) {
        this.imports = imports;
        this.org = org;
        this.uploads = dataDir.resolve("imports");
        this.clock = clock;
    }

    @GetMapping("/imports")
    String list(Model model) {
        return page(model, "ALL_OR_NOTHING", null);
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
                  Principal principal, Model model) throws IOException {
        Optional<ImportMode> importMode = ImportMode.fromParameter(mode);
        if (importMode.isEmpty()) {
            return page(model, "ALL_OR_NOTHING", "import.error.mode");
        }
        if (file == null || file.isEmpty()) {
            return page(model, importMode.get().name(), "import.error.noFile");
        }
        Files.createDirectories(uploads);
        Path saved = Files.createTempFile(uploads, "upload-", ".csv");
        try {
            file.transferTo(saved);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(saved);
            throw e;
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv" : Path.of(file.getOriginalFilename()).getFileName().toString();
        UUID id = imports.start(saved, importMode.get(), principal.getName(), name);
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String detail(@PathVariable UUID id, Model model) {
        status(model, id);
        return "imports/detail";
    }

    /** The progress or, once finished, the report: the part of the page htmx refreshes. */
    @GetMapping("/imports/{id}/status")
    String statusFragment(@PathVariable UUID id, Model model) {
        status(model, id);
        return "imports/detail :: status";
    }

    @GetMapping("/imports/example.csv")
    ResponseEntity<byte[]> example() throws IOException {
        StringWriter out = new StringWriter();
        String unit = org.allUnits().stream().findFirst().map(Unit::code).orElse("");
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row(COLUMNS.stream().map(Column::name).toList());
            csv.row(iin("8504123", "0001"), "Сейтқали", "Айгерім", "Болатқызы", "reservist", "8 (701) 123-45-67",
                    "aigerim@example.kz", "KZ-75", "", unit, "43.2567", "76.9286", "kk", "driver|medic");
            csv.row(iin("9211303", "0002"), "Иванов", "Сергей", "Петрович", "volunteer", "87021234567", "", "KZ-71",
                    "", "", "", "", "ru", "radio");
            csv.row(iin("0107155", "0003"), "Nurlanov", "Daniyar", "", "civil_defense", "", "", "KZ-79", "", "", "",
                    "", "en", "");
        }
        byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8); // BOM: Excel then opens it as UTF-8
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("qalqan-members-example.csv").build().toString())
                .body(body);
    }

    private void status(Model model, UUID id) {
        ImportJob job = imports.job(id).orElseThrow(() -> new NotFoundException("No import " + id));
        model.addAttribute("job", job);
        model.addAttribute("secondsLeft", job.secondsLeft(clock.instant()));
        if (job.report() != null) {
            model.addAttribute("errors", job.report().errors().stream().map(ImportController::row).toList());
            model.addAttribute("warnings", job.report().warnings().stream().map(ImportController::row).toList());
        }
    }

    private String page(Model model, String mode, String error) {
        model.addAttribute("mode", mode);
        model.addAttribute("error", error);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("jobs", imports.recentJobs(RECENT));
        return "imports/list";
    }

    /**
     * The importer reports in English; the reasons people meet most often are shown in their language
     * (matched on the importer's wording), anything else as written.
     */
    static IssueRow row(ImportIssue issue) {
        String message = issue.message() == null ? "" : issue.message();
        for (IinProblem p : IinProblem.values()) {
            if (p.reason().equals(message)) {
                return new IssueRow(issue, p.messageKey(), null);
            }
        }
        for (IinWarning w : IinWarning.values()) {
            if (message.startsWith(w.description())) {
                return new IssueRow(issue, w.messageKey(), null);
            }
        }
        for (Map.Entry<Pattern, String> known : KNOWN_REASONS.entrySet()) {
            Matcher m = known.getKey().matcher(message);
            if (m.matches()) {
                return new IssueRow(issue, known.getValue(), m.groupCount() > 0 ? m.group(1) : null);
            }
        }
        return new IssueRow(issue, null, null);
    }

    private static final Map<Pattern, String> KNOWN_REASONS = Map.of(
            Pattern.compile("a member with this IIN is already registered"), "imports.issue.registered",
            Pattern.compile("duplicate IIN within the file: line (\\d+) has it first"), "imports.issue.repeated",
            Pattern.compile("unknown unit code"), "imports.issue.unknownUnit",
            Pattern.compile("unknown column ignored"), "imports.issue.unknownColumn",
            Pattern.compile("is required"), "error.required",
            Pattern.compile(Pattern.quote(CalendarDate.Problem.NO_SUCH_DAY.reason())), CalendarDate.Problem.NO_SUCH_DAY.messageKey(),
            Pattern.compile(Pattern.quote(CalendarDate.Problem.NOT_A_DATE.reason())), CalendarDate.Problem.NOT_A_DATE.messageKey());

    /** A valid synthetic IIN from a birth-date-and-century prefix (7 digits) and a serial. */
    private static String iin(String datePrefix, String serial) {
        for (int s = Integer.parseInt(serial); ; s++) {
            String prefix = datePrefix + String.format("%04d", s % 10_000);
            int check = Iin.checkDigit(prefix);
            if (check >= 0) {
                return prefix + check;
            }
        }
    }
}
