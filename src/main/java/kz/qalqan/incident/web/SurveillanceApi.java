package kz.qalqan.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import kz.qalqan.incident.InjurySurveillance;
import kz.qalqan.incident.SurveillanceReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/injury-surveillance")
@Tag(name = "Injury surveillance", description = "Injury rates per 1,000 person-days, u-charts and Pareto lists")
class SurveillanceApi {

    private final InjurySurveillance surveillance;

    SurveillanceApi(InjurySurveillance surveillance) {
        this.surveillance = surveillance;
    }

    @GetMapping
    @Operation(summary = "Rates by unit, region, activity, cause and month, u-charts per month and Pareto lists over "
            + "the caller's subtree (default: the last 12 months)")
    SurveillanceReport report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return surveillance.report(from, to);
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The same figures as CSV")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"qalqan-injury-surveillance.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        surveillance.exportCsv(from, to, out);
        out.flush();
    }
}
