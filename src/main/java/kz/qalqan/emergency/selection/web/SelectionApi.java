package kz.qalqan.emergency.selection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.qalqan.emergency.selection.ForceSelection;
import kz.qalqan.emergency.selection.Selection;
import kz.qalqan.emergency.selection.SelectionRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/emergencies/{id}/selections")
@Tag(name = "Force selection", description = "Select the nearest qualified, fit and rested members; confirm to call them up")
class SelectionApi {

    private final ForceSelection selection;

    SelectionApi(ForceSelection selection) {
        this.selection = selection;
    }

    /** The members to call up: all of the selection when empty or absent. */
    record ConfirmRequest(List<Long> memberIds) {
    }

    @PostMapping
    @Operation(summary = "Run and store a force selection (coordinators over the emergency)")
    ResponseEntity<Selection> select(@PathVariable long id, @RequestBody SelectionRequest request) {
        Selection made = selection.select(id, request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{sid}")
                .buildAndExpand(made.id()).toUri()).body(made);
    }

    @GetMapping
    @Operation(summary = "The emergency's latest selections, newest first, without their members")
    List<Selection> list(@PathVariable long id) {
        return selection.list(id);
    }

    @GetMapping("/{sid}")
    @Operation(summary = "One selection with its ranked members")
    Selection get(@PathVariable long id, @PathVariable long sid) {
        return selection.find(id, sid);
    }

    @GetMapping("/{sid}/excluded")
    @Operation(summary = "The candidates the selection left out, nearest first, with reasons in the caller's language")
    List<Selection.Excluded> excluded(@PathVariable long id, @PathVariable long sid) {
        return selection.excluded(id, sid);
    }

    @PostMapping("/{sid}/confirm")
    @Operation(summary = "Order the selected members (or a subset) to serve and publish the call-up")
    Selection confirm(@PathVariable long id, @PathVariable long sid, @RequestBody(required = false) ConfirmRequest request) {
        return selection.confirm(id, sid, request == null ? null : request.memberIds());
    }
}
