package kz.qalqan.emergency.sitrep.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.sitrep.Sitrep;
import kz.qalqan.emergency.sitrep.Sitreps;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Emergency SITREP", description = "Situation report: activated, answered, arrived, accounted, injured, tasks, over time")
class SitrepApi {

    private final Sitreps sitreps;

    SitrepApi(Sitreps sitreps) {
        this.sitreps = sitreps;
    }

    @GetMapping("/api/emergencies/{id}/sitrep")
    @Operation(summary = "The situation report as figures (watchers)")
    Sitrep sitrep(@PathVariable long id) {
        return sitreps.sitrep(id);
    }

    @GetMapping("/api/emergencies/{id}/sitrep.pdf")
    @Operation(summary = "The situation report as a PDF in the caller's language (watchers)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] body = sitreps.pdf(id, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sitrep-" + id + ".pdf").build().toString())
                .body(body);
    }
}
