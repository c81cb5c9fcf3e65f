package kz.qalqan.emergency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.emergency.CapAlert;
import kz.qalqan.emergency.CapParser;
import kz.qalqan.emergency.InvalidCapException;
import kz.qalqan.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Emergency alerts in OASIS CAP 1.2")
class CapApi {

    private final CapParser parser = new CapParser();

    @PostMapping(value = "/cap", consumes = {"application/xml", "application/cap+xml", "text/xml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Parse and validate a CAP 1.2 alert (nothing is stored)",
            description = "At most 1 MiB; no DOCTYPE or entities; validated against the OASIS CAP 1.2 schema. "
                    + "XML signatures are accepted but not verified. 400 names the element and what is wrong.")
    CapAlert parse(HttpServletRequest request) throws IOException {
        try {
            return parser.parse(request.getInputStream());
        } catch (InvalidCapException e) {
            throw e.asInput();
        }
    }
}
