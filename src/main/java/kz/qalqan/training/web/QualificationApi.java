package kz.qalqan.training.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.training.AwardCommand;
import kz.qalqan.training.MemberQualification;
import kz.qalqan.training.Qualification;
import kz.qalqan.training.Qualifications;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Qualifications", description = "The qualification catalogue and the qualifications members hold")
class QualificationApi {

    private final Qualifications qualifications;

    QualificationApi(Qualifications qualifications) {
        this.qualifications = qualifications;
    }

    /** The JSON body of an award; checked by the training module's qualification policy. */
    record AwardRequest(String code, LocalDate awardedOn, LocalDate expiresOn, String evidence, String awardingEvent) {
        AwardCommand command() {
            return new AwardCommand(code, awardedOn, expiresOn, evidence, awardingEvent);
        }
    }

    @GetMapping("/qualifications")
    @Operation(summary = "The qualification catalogue, with names in Kazakh, Russian and English")
    List<Qualification> catalogue() {
        return qualifications.catalogue();
    }

    @GetMapping("/members/{id}/qualifications")
    @Operation(summary = "A member's qualifications (current, expiring within 90 days, expired)")
    List<MemberQualification> of(@PathVariable long id) {
        return qualifications.of(id);
    }

    @PostMapping("/members/{id}/qualifications")
    @Operation(summary = "Award a qualification (expiry computed from the catalogue when not given)")
    ResponseEntity<MemberQualification> award(@PathVariable long id, @RequestBody AwardRequest request, Principal principal) {
        MemberQualification awarded = qualifications.award(id, request.command(), principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{qid}")
                .buildAndExpand(awarded.id()).toUri()).body(awarded);
    }

    @DeleteMapping("/members/{id}/qualifications/{qid}")
    @Operation(summary = "Revoke an award (kept in the history, marked revoked)")
    ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long qid, Principal principal) {
        qualifications.revoke(id, qid, principal.getName());
        return ResponseEntity.noContent().build();
    }
}
