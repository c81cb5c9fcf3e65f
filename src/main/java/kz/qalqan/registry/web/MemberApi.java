package kz.qalqan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.registry.Assignment;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberPage;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.MemberStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "Reservists, volunteers and civil-defense specialists")
class MemberApi {

    private final MemberDirectory directory;

    MemberApi(MemberDirectory directory) {
        this.directory = directory;
    }

    /** The JSON body of POST and PUT; every field is checked by the same rules as the import. */
    record MemberRequest(String iin, String lastName, String firstName, String middleName, String category,
                         String phone, String email, String regionCode, Integer districtId, Long unitId, Long positionId,
                         Double lat, Double lon, String language, List<String> skills, LocalDate birthDate, String sex,
                         String status) {
        MemberCommand command() {
            return new MemberCommand(iin, lastName, firstName, middleName, category, phone, email, regionCode, districtId,
                    unitId, positionId, lat, lon, language, skills, birthDate, sex, status);
        }
    }

    @GetMapping
    @Operation(summary = "Search members (keyset pagination: pass `next` as `after`)")
    MemberPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                      @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "false") boolean includeSubunits,
                      @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) String skill,
                      @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return directory.search(new MemberSearch(q, region, unit, includeSubunits, status, skill, limit, after));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every member the search matches, as the member CSV (importable), audited")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "false") boolean includeSubunits,
                @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) String skill,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"qalqan-members.csv\"");
        directory.export(new MemberSearch(q, region, unit, includeSubunits, status, skill, 0, null), response.getWriter());
    }

    @PostMapping
    @Operation(summary = "Register a member")
    ResponseEntity<Member> create(@RequestBody MemberRequest request, Principal principal) {
        Member member = directory.register(request.command(), principal.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(member.id()).toUri()).body(member);
    }

    /** What a member may change about themselves. */
    record ContactsRequest(String phone, String email, String language) {
    }

    @GetMapping("/me")
    @Operation(summary = "The member record linked to the signed-in user")
    Member me() {
        return directory.self();
    }

    @PutMapping("/me/contacts")
    @Operation(summary = "Self-service: change your own phone, e-mail and language")
    Member updateMyContacts(@RequestBody ContactsRequest request, Principal principal) {
        return directory.updateOwnContacts(request.phone(), request.email(), request.language(), principal.getName());
    }

    @GetMapping("/{id}")
    Member get(@PathVariable long id) {
        return directory.find(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a member's data; a change of unit or position is kept in the assignment history")
    Member update(@PathVariable long id, @RequestBody MemberRequest request, Principal principal) {
        return directory.update(id, request.command(), principal.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        directory.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "Assignment history, newest first")
    List<Assignment> assignments(@PathVariable long id) {
        return directory.assignments(id);
    }
}
