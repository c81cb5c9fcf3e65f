package kz.qalqan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.web.ProblemTexts;
import kz.qalqan.registry.ImportIssue;
import kz.qalqan.registry.ImportJob;
import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Bulk import of members from CSV")
class ImportApi {

    private final MemberImport imports;
    private final ProblemTexts texts;

    ImportApi(MemberImport imports, ProblemTexts texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @PostMapping(value = "/members", consumes = {"text/csv", "application/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import members from a CSV body (streamed)",
            description = "mode=all-or-nothing (default) writes nothing when any row is bad and answers 422 with the "
                    + "report; mode=accept-valid writes the good rows. The report lists each problem with line, column, value and reason.")
    ResponseEntity<ImportReport> importMembers(@RequestParam(required = false) String mode, HttpServletRequest request,
                                               Principal principal) throws IOException {
        ImportMode importMode = ImportMode.fromParameter(mode)
                .orElseThrow(() -> InvalidInputException.coded("mode", "registry.import.mode"));
        ImportReport report = imports.importMembers(request.getInputStream(), importMode, principal.getName(), "api upload");
        HttpStatus status = report.status() == ImportReport.Status.COMMITTED ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).body(said(report, request));
    }

    @GetMapping
    @Operation(summary = "Recent imports")
    List<ImportJob> recent(@RequestParam(defaultValue = "20") int limit, HttpServletRequest request) {
        return imports.recentJobs(Math.max(1, Math.min(limit, 200))).stream().map(j -> said(j, request)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress or report")
    ImportJob job(@PathVariable UUID id, HttpServletRequest request) {
        return said(imports.job(id).orElseThrow(() -> new NotFoundException("No import " + id)), request);
    }

    private ImportJob said(ImportJob j, HttpServletRequest request) {
        return j.report() == null ? j : new ImportJob(j.id(), j.fileName(), j.mode(), j.state(), j.rowsRead(), j.bytesRead(),
                j.bytesTotal(), said(j.report(), request), j.failure(), j.startedBy(), j.startedAt(), j.finishedAt());
    }

    /** Each issue's reason in the request's language; its code and arguments stay for clients that say it themselves. */
    private ImportReport said(ImportReport r, HttpServletRequest request) {
        return new ImportReport(r.id(), r.mode(), r.status(), r.total(), r.accepted(), r.rejected(),
                said(r.errors(), request), said(r.warnings(), request), r.truncated());
    }

    private List<ImportIssue> said(List<ImportIssue> issues, HttpServletRequest request) {
        return issues.stream().map(i -> i.code() == null ? i : i.withMessage(texts.text(i, i.message(), request))).toList();
    }
}
