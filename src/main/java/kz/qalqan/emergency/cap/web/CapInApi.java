package kz.qalqan.emergency.cap.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.emergency.CapParser;
import kz.qalqan.emergency.cap.CapExport;
import kz.qalqan.emergency.cap.CapIngest;
import kz.qalqan.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

@RestController
@Tag(name = "CAP", description = "OASIS CAP 1.2 in (alerts that declare, update and cancel emergencies) and out")
class CapInApi {

    private final CapIngest ingest;
    private final CapExport export;

    CapInApi(CapIngest ingest, CapExport export) {
        this.ingest = ingest;
        this.export = export;
    }

    @PostMapping(value = "/api/cap", consumes = {"application/xml", "application/cap+xml", "text/xml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Receive a CAP 1.2 message (coordinators)",
            description = "Alert declares an emergency (201), Update revises and Cancel cancels the one its references "
                    + "name (200; 409 when none is known), a repeat of the same sender and identifier changes nothing "
                    + "(200), Ack and Error are recorded (202), Test/Draft/System are not acted upon nor stored (202). "
                    + "An Alert whose area lies entirely outside Kazakhstan is stored but not acted upon (202, reasonCode "
                    + "cap.notActedUpon.outsideKazakhstan); one across the border is declared over its part in Kazakhstan. "
                    + "At most 1 MiB (413); no DOCTYPE or entities; validated against the CAP 1.2 schema (400 names the problem).")
    ResponseEntity<CapIngest.Receipt> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(CapParser.MAX_BYTES + 1);
        }
        if (body.length > CapParser.MAX_BYTES) {
            throw InvalidInputException.coded("cap", "cap.message.tooLarge", CapParser.MAX_BYTES);
        }
        CapIngest.Receipt receipt = ingest.receive(body);
        return switch (receipt.outcome()) {
            case DECLARED -> ResponseEntity.created(URI.create("/api/emergencies/" + receipt.emergencyId())).body(receipt);
            case UPDATED, CANCELLED, DUPLICATE -> ResponseEntity.ok(receipt);
            case RECORDED, NOT_ACTED_UPON -> ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
        };
    }

    @GetMapping(value = "/api/emergencies/{id}/cap", produces = {"application/cap+xml", "application/xml"})
    @Operation(summary = "Qalqan's own CAP 1.2 message for an emergency (watchers)",
            description = "The call-up (msgType Alert, scope Restricted) while the emergency is active; after stand-down "
                    + "the all-clear (Update, or Cancel when it was cancelled) referencing it. message=callup always "
                    + "answers the call-up.")
    ResponseEntity<String> cap(@PathVariable long id, @RequestParam(required = false) String message) {
        boolean callUpOnly = "callup".equalsIgnoreCase(message);
        if (message != null && !callUpOnly && !"current".equalsIgnoreCase(message)) {
            throw InvalidInputException.coded("message", "cap.export.messageParameter");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/cap+xml;charset=UTF-8"))
                .body(export.xml(id, callUpOnly));
    }
}
