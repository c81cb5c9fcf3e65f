package kz.qalqan.registry.web;

import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.csv.CsvWriter;
import kz.qalqan.platform.web.FormErrors;
import kz.qalqan.registry.ImportIssue;
import kz.qalqan.registry.ImportJob;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.Iin;
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
import java.util.Optional;
import java.util.UUID;

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

    private final MemberImport imports;
    private final OrgStructure org;
    private final Path uploads;
    private final Clock clock;
    private final FormErrors texts;

    ImportController(MemberImport imports, OrgStructure org, @Value("${qalqan.data-dir}") Path dataDir, Clock clock,
                     FormErrors texts) {
        this.imports = imports;
        this.texts = texts;
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
        return "registry/imports/detail";
    }

    /** The progress or, once finished, the report: the part of the page htmx refreshes. */
    @GetMapping("/imports/{id}/status")
    String statusFragment(@PathVariable UUID id, Model model) {
        status(model, id);
        return "registry/imports/detail :: status";
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
            model.addAttribute("errors", job.report().errors().stream().map(this::said).toList());
            model.addAttribute("warnings", job.report().warnings().stream().map(this::said).toList());
        }
    }

    /** The issue with its reason in the page's language; a report stored before reasons had codes stays as written. */
    private ImportIssue said(ImportIssue issue) {
        return issue.code() == null ? issue : issue.withMessage(texts.text(issue));
    }

    private String page(Model model, String mode, String error) {
        model.addAttribute("mode", mode);
        model.addAttribute("error", error);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("jobs", imports.recentJobs(RECENT));
        return "registry/imports/list";
    }

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
