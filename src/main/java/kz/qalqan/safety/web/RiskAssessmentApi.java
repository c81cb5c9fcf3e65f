package kz.qalqan.safety.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.safety.ActivityKind;
import kz.qalqan.safety.Clearance;
import kz.qalqan.safety.HazardLibrary;
import kz.qalqan.safety.HazardTemplate;
import kz.qalqan.safety.RiskAssessmentCommand;
import kz.qalqan.safety.RiskAssessmentSummary;
import kz.qalqan.safety.RiskAssessmentView;
import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.shared.ActivityType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Risk assessments", description = "DD Form 2977 deliberate risk assessments, their approval and the clearance of activities")
class RiskAssessmentApi {

    record ReviewCommand(List<RiskAssessmentCommand.HazardCommand> hazards, String overallResidualRisk) {
    }

    record DisapproveCommand(String reason) {
    }

    record LessonsCommand(String lessonsLearned) {
    }

    private final RiskAssessments assessments;
    private final HazardLibrary library;

    RiskAssessmentApi(RiskAssessments assessments, HazardLibrary library) {
        this.assessments = assessments;
        this.library = library;
    }

    @GetMapping("/hazards")
    @Operation(summary = "The hazard library, for one activity type (activityType=ROAD_MARCH …) or all")
    List<HazardTemplate> hazards(@RequestParam(required = false) String activityType) {
        if (activityType == null || activityType.isBlank()) {
            return library.all();
        }
        ActivityType type = ActivityType.parse(activityType)
                .orElseThrow(() -> InvalidInputException.coded("activityType", "safety.activityType.unknown"));
        return library.forActivity(type);
    }

    @GetMapping("/risk-assessments")
    @Operation(summary = "Assessments in your area; pending=true lists those awaiting your approval")
    List<RiskAssessmentSummary> list(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) String activityType,
                                     @RequestParam(required = false) Long unit, @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "false") boolean pending) {
        return assessments.list(new RiskAssessments.Filter(status, activityType, unit, q, pending));
    }

    @PostMapping("/risk-assessments")
    @Operation(summary = "Prepare an assessment (COMMANDER, SAFETY_OFFICER, TRAINING_OFFICER or ADMIN over the unit)")
    ResponseEntity<RiskAssessmentView> create(@RequestBody RiskAssessmentCommand command) {
        RiskAssessmentView view = assessments.create(command);
        return ResponseEntity.created(URI.create("/api/risk-assessments/" + view.id())).body(view);
    }

    @GetMapping("/risk-assessments/{id}")
    @Operation(summary = "One assessment, block by block, with its decision history")
    RiskAssessmentView get(@PathVariable long id) {
        return assessments.find(id);
    }

    @GetMapping(value = "/risk-assessments/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The assessment as a PDF laid out like DD Form 2977 (labels in the Accept-Language)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        byte[] pdf = assessments.pdf(id, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("risk-assessment-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @PutMapping("/risk-assessments/{id}")
    @Operation(summary = "Change a DRAFT or DISAPPROVED assessment")
    RiskAssessmentView update(@PathVariable long id, @RequestBody RiskAssessmentCommand command) {
        return assessments.update(id, command);
    }

    @PutMapping("/risk-assessments/{id}/hazards")
    @Operation(summary = "Review: replace the hazards in any state; an approved assessment whose risk rises needs approval again")
    RiskAssessmentView review(@PathVariable long id, @RequestBody ReviewCommand command) {
        return assessments.reviewHazards(id, command.hazards(), command.overallResidualRisk());
    }

    @PostMapping("/risk-assessments/{id}/submit")
    @Operation(summary = "Submit for approval by the authority the overall residual risk needs")
    RiskAssessmentView submit(@PathVariable long id) {
        return assessments.submit(id);
    }

    @PostMapping("/risk-assessments/{id}/approve")
    @Operation(summary = "Approve (a COMMANDER of the required echelon over the unit; never the preparer)")
    RiskAssessmentView approve(@PathVariable long id) {
        return assessments.approve(id);
    }

    @PostMapping("/risk-assessments/{id}/disapprove")
    @Operation(summary = "Disapprove with a reason (same authority as approval)")
    RiskAssessmentView disapprove(@PathVariable long id, @RequestBody(required = false) DisapproveCommand command) {
        return assessments.disapprove(id, command == null ? null : command.reason());
    }

    @PostMapping("/risk-assessments/{id}/lessons")
    @Operation(summary = "Record lessons learned once the activity has begun")
    RiskAssessmentView lessons(@PathVariable long id, @RequestBody(required = false) LessonsCommand command) {
        return assessments.recordLessons(id, command == null ? null : command.lessonsLearned());
    }

    @GetMapping("/activities/{kind}/{id}/clearance")
    @Operation(summary = "Whether the activity (TRAINING_EVENT or OTHER) is cleared to start, and why not")
    Clearance clearance(@PathVariable String kind, @PathVariable long id) {
        ActivityKind k = ActivityKind.parse(kind)
                .orElseThrow(() -> InvalidInputException.coded("kind", "safety.activityKind.unknown"));
        return assessments.clearance(k, id);
    }
}
