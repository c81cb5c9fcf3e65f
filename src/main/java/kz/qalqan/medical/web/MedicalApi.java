package kz.qalqan.medical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.medical.ExamCommand;
import kz.qalqan.medical.MedicalRecords;
import kz.qalqan.medical.MedicalStatus;
import kz.qalqan.medical.ProfileCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

@RestController
@RequestMapping("/api/members/{id}/medical")
@Tag(name = "Medical", description = "Medical class, exams and limitation profiles of members")
class MedicalApi {

    private final MedicalRecords records;

    MedicalApi(MedicalRecords records) {
        this.records = records;
    }

    @GetMapping
    @Operation(summary = "A member's medical status; diagnosis and reasons only for medical officers in scope and the member",
            description = "Pass `reason` (why the details are opened); it is written to the audit trail.")
    MedicalStatus status(@PathVariable long id, @RequestParam(required = false) String reason) {
        return records.status(id, reason);
    }

    @PostMapping("/exams")
    @Operation(summary = "Record a periodic exam (MEDICAL_OFFICER over the member)")
    ResponseEntity<MedicalStatus> exam(@PathVariable long id, @RequestBody ExamCommand command, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(records.recordExam(id, command, principal.getName()));
    }

    @PostMapping("/profiles")
    @Operation(summary = "Record a limitation profile (MEDICAL_OFFICER over the member)")
    ResponseEntity<MedicalStatus> profile(@PathVariable long id, @RequestBody ProfileCommand command, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(records.recordProfile(id, command, principal.getName()));
    }
}
